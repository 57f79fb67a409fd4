import { describe, expect, it } from 'vitest';
import {
  checkDockerfile,
  checkImage,
  MAX_DOCKERFILE_CHARS,
  reconstructDockerfile,
} from '../../src/misconfig/index.js';
import { BASE, CLEAN_CONFIG, craft } from './helpers.js';

describe('checkImage', () => {
  it('finds nothing on a hardened image', async () => {
    const { config, walk } = await craft({ layers: [BASE], config: CLEAN_CONFIG });
    expect(checkImage({ config, walk })).toEqual({ findings: [], problems: [] });
  });

  it('judges config, history and filesystem of one image, and honours disabled ids', async () => {
    const { config, walk } = await craft({
      layers: [
        BASE,
        [
          { name: 'usr/bin/sudo', content: 'elf', mode: 0o4755 },
          { name: 'etc/ssh/ssh_host_rsa_key', content: 'k', mode: 0o600 },
        ],
      ],
      config: { Env: ['PATH=/usr/bin', 'API_TOKEN=xyz'], ExposedPorts: { '22/tcp': {} } },
      history: [
        { created_by: '/bin/sh -c #(nop) ADD file:1 in /' },
        { created_by: '/bin/sh -c apt-get install -y sudo openssh-server' },
        { created_by: '/bin/sh -c #(nop)  ENV API_TOKEN=xyz', empty_layer: true },
      ],
    });

    const all = checkImage({ config, walk }).findings.map((f) => f.id);
    expect(all).toEqual([
      'DD-IMG-004',
      'DD-FS-004',
      'DD-IMG-001',
      'DD-IMG-003',
      'DD-FS-001',
      'DD-IMG-007',
      'DD-IMG-002',
    ]);
    const env = checkImage({ config, walk }).findings[0]?.evidence[0];
    expect(env).toMatchObject({
      historyIndex: 2,
      createdBy: '/bin/sh -c #(nop)  ENV API_TOKEN=xyz',
    });

    const fewer = checkImage({ config, walk, disabled: ['DD-FS-001', 'DD-IMG-002'] });
    expect(fewer.findings.map((f) => f.id)).not.toContain('DD-FS-001');
    expect(fewer.findings).toHaveLength(5);
  });

  it('reports unreadable consumer files as problems', async () => {
    const { config, walk } = await craft({
      layers: [
        [...BASE.filter((e) => e.name !== 'etc/passwd'), { name: 'etc/passwd', content: 'junk\n' }],
      ],
      config: CLEAN_CONFIG,
    });
    expect(checkImage({ config, walk }).problems).toEqual([
      { path: 'etc/passwd', message: 'line 1: not a passwd entry' },
    ]);
  });

  it('runs the Dockerfile rules on the Dockerfile rebuilt from history', async () => {
    const { config } = await craft({
      layers: [BASE],
      config: CLEAN_CONFIG,
      history: [{ created_by: '/bin/sh -c #(nop)  EXPOSE 23/tcp' }],
    });
    const text = `FROM scratch\n${reconstructDockerfile(config)}`;
    expect(checkDockerfile(text).findings.map((f) => f.id)).toContain('DD-IMG-003');
  });
});

describe('checkDockerfile', () => {
  it('passes a hardened multi-stage Dockerfile', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'FROM golang:1.22@sha256:0123 AS build',
      'RUN --mount=type=secret,id=token go build -o /out/app .',
      'FROM gcr.io/distroless/static:nonroot',
      'COPY --from=build /out/app /app',
      'USER 65532:65532',
      'HEALTHCHECK CMD ["/app", "health"]',
      'ENTRYPOINT ["/app"]',
    ].join('\n');
    expect(checkDockerfile(text)).toEqual({ findings: [], problems: [] });
  });

  it('reports, without checking, a file with no FROM or one too large', () => {
    expect(checkDockerfile('# just a comment\n')).toEqual({
      findings: [],
      problems: [{ message: 'no FROM instruction; not checked' }],
    });
    const huge = `FROM a\n${'RUN x\n'.repeat(MAX_DOCKERFILE_CHARS / 6 + 1)}`;
    expect(checkDockerfile(huge).problems[0]?.message).toMatch(/^larger than/);
  });

  it('keeps checking past lines it cannot read', () => {
    const result = checkDockerfile('FROM a:1\nNOT AN INSTRUCTION\nUSER root\n');
    expect(result.problems).toEqual([
      { line: 2, message: 'unknown instruction "NOT AN INSTRUCTION"' },
    ]);
    expect(result.findings.map((f) => f.id)).toContain('DD-IMG-001');
  });
});
