import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerceSemver, parseSemver, semver } from '../../../src/versioning/semver/index.js';
import { assertOrderLaws } from '../properties.js';

const p = (s: string) => {
  const parsed = parseSemver(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('semver fallback: SemVer 2.0 precedence (semver.org section 11)', () => {
  // The precedence example of the spec, in ascending order.
  const ascending = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '2.0.0',
    '2.1.0',
    '2.1.1',
  ];
  it('orders the spec example', () => {
    const shuffled = [...ascending].reverse().map(p).sort(semver.compare);
    expect(shuffled.map((v) => v.version)).toEqual(ascending);
  });

  it('ignores build metadata and pads partial versions', () => {
    expect(semver.compare(p('1.0.0+a'), p('1.0.0+b'))).toBe(0);
    expect(coerceSemver('v1.2-rc.1')).toBe('1.2.0-rc.1');
    expect(coerceSemver('01.2')).toBe('01.2');
  });

  it('rejects leading zeros and junk', () => {
    for (const bad of ['01.2.3', '1.2.3-01', '1.2.3.4', 'abc', '']) {
      expect(parseSemver(bad).ok, bad).toBe(false);
    }
  });
});

describe('semver fallback: comparator ranges', () => {
  const table: [string, string, string][] = [
    ['1.5.0', '>= 1.2.0, < 1.6.0', 'affected'],
    ['1.6.0', '>= 1.2.0, < 1.6.0', 'not-affected'],
    ['0.1.0', '< 0.2 || > 5', 'affected'],
    ['1.0.0', '^1.0', 'unknown'],
    ['1.0.0', '>=', 'unknown'],
  ];
  it.each(table)('%s in "%s" is %s', (version, range, kind) => {
    expect(semver.satisfies(p(version), range).kind).toBe(kind);
  });
});

describe('semver fallback: order properties', () => {
  const version = fc
    .tuple(fc.nat(5), fc.nat(5), fc.nat(5))
    .chain((n) =>
      fc.constantFrom('', '-a', '-a.1', '-1', '-b.2.x', '+m').map((s) => `${n.join('.')}${s}`),
    );
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(version, p, semver.compare);
  });
});
