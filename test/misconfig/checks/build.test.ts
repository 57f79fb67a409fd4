// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile text, not templates
import { describe, expect, it } from 'vitest';
import { floatingReason } from '../../../src/misconfig/checks/build.js';
import { checkDockerfile } from '../../../src/misconfig/index.js';
import { BASE, CLEAN_CONFIG, findingOf } from '../helpers.js';

const PREAMBLE = 'USER app\nHEALTHCHECK CMD true';
const evidenceOf = (id: string, text: string) =>
  checkDockerfile(text).findings.find((f) => f.id === id)?.evidence ?? [];

describe('DD-IMG-005 ADD from a URL', () => {
  it('flags URL sources in Dockerfiles, exec form included, with their line', () => {
    const text = [
      'FROM debian:12',
      PREAMBLE,
      'ADD https://example.com/a.tgz /opt/',
      'ADD ["http://example.com/b", "/b"]',
      'ADD --checksum=sha256:abc https://example.com/c /c',
      'ADD local.tgz /opt/',
      'COPY https-notes.txt /',
    ].join('\n');
    expect(evidenceOf('DD-IMG-005', text)).toEqual([
      { line: 4, detail: 'ADD fetches https://example.com/a.tgz' },
      { line: 5, detail: 'ADD fetches http://example.com/b' },
    ]);
  });

  it('flags a BuildKit ADD from a URL recorded in image history', async () => {
    const finding = await findingOf('DD-IMG-005', {
      layers: [BASE, [{ name: 'opt/tool', content: 'x' }]],
      config: CLEAN_CONFIG,
      history: [
        { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
        { created_by: 'ADD https://example.com/tool /opt/tool # buildkit' },
      ],
    });
    expect(finding?.evidence).toEqual([
      expect.objectContaining({ historyIndex: 1, detail: 'ADD fetches https://example.com/tool' }),
    ]);
  });

  it('passes an image whose ADD steps copied local files', async () => {
    const spec = {
      layers: [BASE],
      config: CLEAN_CONFIG,
      history: [{ created_by: '/bin/sh -c #(nop) ADD file:abc in / ' }],
    };
    expect(await findingOf('DD-IMG-005', spec)).toBeUndefined();
  });
});

describe('DD-IMG-006 floating base', () => {
  it.each([
    ['debian', 'has no tag, so it means latest'],
    ['debian:latest', 'uses the latest tag'],
    ['registry.example.com:5000/team/app', 'has no tag, so it means latest'],
    ['registry.example.com:5000/team/app:latest', 'uses the latest tag'],
    ['debian:12', undefined],
    ['registry.example.com:5000/team/app:1.2', undefined],
    ['debian@sha256:0123', undefined],
    ['debian:latest@sha256:0123', undefined],
    ['scratch', undefined],
    ['', undefined],
  ])('floatingReason(%j)', (ref, expected) => {
    expect(floatingReason(ref)).toBe(expected);
  });

  it('flags FROM and COPY --from images but not stage names or indexes', () => {
    const text = [
      'ARG BASE=node',
      'FROM ${BASE} AS build',
      'FROM build AS test',
      'FROM alpine:3.20',
      PREAMBLE,
      'COPY --from=build /a /a',
      'COPY --from=0 /b /b',
      'COPY --from=busybox:latest /bin/busybox /bin/',
    ].join('\n');
    expect(evidenceOf('DD-IMG-006', text)).toEqual([
      { line: 2, detail: 'FROM node has no tag, so it means latest' },
      { line: 9, detail: 'COPY --from busybox:latest uses the latest tag' },
    ]);
  });

  it('flags an image whose base label names a latest tag, and passes a pinned one', async () => {
    const label = 'org.opencontainers.image.base.name';
    const latest = { ...CLEAN_CONFIG, Labels: { [label]: 'docker.io/library/debian:latest' } };
    const finding = await findingOf('DD-IMG-006', { layers: [BASE], config: latest });
    expect(finding?.evidence[0]?.detail).toBe(
      'base image label docker.io/library/debian:latest uses the latest tag',
    );

    const pinned = { ...CLEAN_CONFIG, Labels: { [label]: 'docker.io/library/debian:12' } };
    expect(await findingOf('DD-IMG-006', { layers: [BASE], config: pinned })).toBeUndefined();
  });
});
