import { describe, expect, it } from 'vitest';
import { formatReference, parseReference } from '../../../src/image/registry/reference.js';

const D = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('reference parseReference', () => {
  it.each([
    ['debian', 'docker.io', 'registry-1.docker.io', 'library/debian', 'latest', undefined],
    ['debian:12', 'docker.io', 'registry-1.docker.io', 'library/debian', '12', undefined],
    [`library/debian@${D}`, 'docker.io', 'registry-1.docker.io', 'library/debian', undefined, D],
    [
      'docker.io/library/debian:12',
      'docker.io',
      'registry-1.docker.io',
      'library/debian',
      '12',
      undefined,
    ],
    [
      'index.docker.io/bitnami/redis',
      'docker.io',
      'registry-1.docker.io',
      'bitnami/redis',
      'latest',
      undefined,
    ],
    ['ghcr.io/o/r:t', 'ghcr.io', 'ghcr.io', 'o/r', 't', undefined],
    ['localhost:5000/x:y', 'localhost:5000', 'localhost:5000', 'x', 'y', undefined],
    ['localhost/x', 'localhost', 'localhost', 'x', 'latest', undefined],
    [`127.0.0.1:5000/a/b@${D}`, '127.0.0.1:5000', '127.0.0.1:5000', 'a/b', undefined, D],
    ['docker://quay.io/a/b:c', 'quay.io', 'quay.io', 'a/b', 'c', undefined],
    ['docker://alpine', 'docker.io', 'registry-1.docker.io', 'library/alpine', 'latest', undefined],
    ['user/app', 'docker.io', 'registry-1.docker.io', 'user/app', 'latest', undefined],
    [`ghcr.io/o/r:t@${D}`, 'ghcr.io', 'ghcr.io', 'o/r', 't', D],
    ['[::1]:5000/x:1', '[::1]:5000', '[::1]:5000', 'x', '1', undefined],
    ['a.io/x/y/z_w.v--u:V1.0-rc_1', 'a.io', 'a.io', 'x/y/z_w.v--u', 'V1.0-rc_1', undefined],
  ])('parses %s', (input, registry, apiHost, repository, tag, digest) => {
    const ref = parseReference(input);
    expect(ref).toMatchObject({ registry, apiHost, repository, tag, digest });
    expect(ref.selector).toBe(digest ?? tag);
    expect(ref.name).toBe(`${registry}/${repository}`);
  });

  it.each([
    ['', /it is empty/],
    ['docker://', /it is empty/],
    ['Debian', /must be lowercase/],
    ['ghcr.io/Org/app', /must be lowercase/],
    ['debian:', /tag is not valid/],
    ['debian:-x', /tag is not valid/],
    [`debian:${'t'.repeat(129)}`, /tag is not valid/],
    ['debian@sha256:abc', /digest must be/],
    [`debian@md5:${'0'.repeat(32)}`, /digest must be/],
    ['ghcr.io/', /repository name is empty/],
    ['a//b', /not a valid repository path component/],
    ['a/b/', /not a valid repository path component/],
    ['-a.io/x', /not a valid registry host/],
    ['x..y/z', /not a valid registry host/],
    ['foo/../etc/passwd', /not a valid repository path component/],
    ['a b', /not a valid repository path component/],
    [`ghcr.io/${'a'.repeat(300)}`, /longer than 255/],
  ])('rejects %j with REF_INVALID', (input, message) => {
    expect(() => parseReference(input)).toThrow(message);
    expect(() => parseReference(input)).toThrow(expect.objectContaining({ code: 'REF_INVALID' }));
  });

  it('rejects inputs built to make the grammar backtrack without taking long to say so', () => {
    const hostile = [
      `${'a-'.repeat(500)}!`,
      `${'a.'.repeat(400)}!/x`,
      `x/${'a_'.repeat(400)}-`,
      'a'.repeat(5000),
    ];
    for (const input of hostile) {
      expect(() => parseReference(input)).toThrow(expect.objectContaining({ code: 'REF_INVALID' }));
    }
  });

  it('shortens what it repeats of a very long input', () => {
    expect(() => parseReference(`A${'a'.repeat(900)}`)).toThrow(/"Aa{119}\.\.\."/);
  });
});

describe('reference formatReference', () => {
  it.each([
    ['debian', 'docker.io/library/debian:latest'],
    [`ghcr.io/o/r:t@${D}`, `ghcr.io/o/r@${D}`],
    ['localhost:5000/x:y', 'localhost:5000/x:y'],
  ])('formats %s as %s', (input, want) => {
    expect(formatReference(parseReference(input))).toBe(want);
  });
});
