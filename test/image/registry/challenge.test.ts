import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../../src/image/registry/challenge.js';

describe('challenge parseChallenges', () => {
  it.each([
    [
      'a distribution bearer challenge',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",' +
        'scope="repository:library/debian:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/debian:pull',
          },
        },
      ],
    ],
    [
      'basic with a token value',
      'Basic realm=Registry',
      [{ scheme: 'basic', params: { realm: 'Registry' } }],
    ],
    [
      'two challenges in one header',
      'Basic realm="a", Bearer realm="https://t/x", service=s',
      [
        { scheme: 'basic', params: { realm: 'a' } },
        { scheme: 'bearer', params: { realm: 'https://t/x', service: 's' } },
      ],
    ],
    [
      'escapes, spaces and upper-case names',
      'BEARER  Realm = "a\\"b" ,  Scope="x,y"',
      [{ scheme: 'bearer', params: { realm: 'a"b', scope: 'x,y' } }],
    ],
    ['a scheme alone', 'Negotiate', [{ scheme: 'negotiate', params: {} }]],
    ['an empty header', '', []],
  ])('parses %s', (_name, header, want) => {
    expect(parseChallenges([header])).toEqual(want);
  });

  it('reads challenges spread over several headers', () => {
    const got = parseChallenges(['Basic realm="a"', 'Bearer realm="b"']);
    expect(got?.map((c) => c.scheme)).toEqual(['basic', 'bearer']);
  });

  it.each([
    ['an unterminated quoted string', 'Bearer realm="https://x'],
    ['a parameter without a value', 'Bearer realm='],
    ['stray words after a value', 'Bearer realm="x" oops more'],
    ['a header longer than 8 KiB', `Bearer realm="${'x'.repeat(9000)}"`],
    ['a control character as the scheme', '\u0000 realm=x'],
  ])('returns undefined for %s', (_name, header) => {
    expect(parseChallenges([header])).toBeUndefined();
  });

  it('parses a long run of separators without hanging or failing', () => {
    const header = `Bearer ${','.repeat(4000)} realm="x"`;
    expect(parseChallenges([header])?.[0]?.scheme).toBe('bearer');
  });
});
