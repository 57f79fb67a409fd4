import { describe, expect, it } from 'vitest';
import { isDrydockError } from '../../src/errors.js';
import { compareVersions, isValidVersion, satisfies } from '../../src/versioning/index.js';

describe('versioning API: compareVersions', () => {
  const table: [string, string, string, number][] = [
    ['Debian:12', '1:1.0', '2.0', 1],
    ['Alpine:v3.18', '1.2.3-r1', '1.2.3-r0', 1],
    ['Rocky Linux:9', '2.4.37-21.el8', '2.4.37-21.el8_3', -1],
    ['npm', '1.0.0-rc.1', '1.0.0', -1],
    ['PyPI', '1.0.post1', '1.0', 1],
    ['Maven', '1.0-SNAPSHOT', '1.0', -1],
    ['Go', 'v1.2.3', 'v1.2.3+incompatible', 0],
    ['RubyGems', '1.0.a', '1.0', -1],
    ['Packagist', '1.0.0-RC1', '1.0.0', -1],
    ['NuGet', '1.0.0-BETA', '1.0.0-beta', 0],
    ['crates.io', '0.10.0', '0.9.0', 1],
    ['Hex', '1.0.0-alpha', '1.0.0-alpha.1', -1],
  ];
  it.each(table)('%s: %s vs %s is %d', (ecosystem, a, b, expected) => {
    expect(Math.sign(compareVersions(ecosystem, a, b))).toBe(expected);
  });

  const bad: [string, string][] = [
    ['Debian', '1.0-'],
    ['npm', 'latest'],
    ['PyPI', 'french toast'],
    ['Go', 'v1.02.3'],
    ['NuGet', '1'],
    ['crates.io', '1.0.0.0'],
  ];
  it.each(bad)('%s throws VERSION_PARSE on "%s", naming both', (ecosystem, version) => {
    try {
      compareVersions(ecosystem, '1.0.0', version);
      expect.unreachable();
    } catch (err) {
      expect(isDrydockError(err, 'VERSION_PARSE')).toBe(true);
      expect((err as Error).message).toContain(ecosystem);
      expect((err as Error).message).toContain(version);
    }
  });

  it('throws on non-string input instead of crashing', () => {
    expect(() => compareVersions('Debian', undefined as unknown as string, '1')).toThrow(
      expect.objectContaining({ code: 'VERSION_PARSE' }),
    );
  });
});

describe('versioning API: satisfies', () => {
  const table: [string, string, string, string][] = [
    ['npm', '1.2.2', '<1.2.3 || >=2.0.0 <2.1.1', 'affected'],
    ['PyPI', '2.0', '>=1.0,!=2.0', 'not-affected'],
    ['RubyGems', '1.4.5', '~> 1.4.4', 'affected'],
    ['Packagist', '5.4.2', '>=5.0,<5.4.3', 'affected'],
    ['Maven', '1.5', '[1.0,2.0)', 'affected'],
    ['NuGet', '4.0.0', '[1.0,4.0.0)', 'not-affected'],
    ['Debian', '1.0-1', '<< 1.0-2', 'affected'],
    ['Go', 'v1.5.0', '< v1.6.0', 'affected'],
    ['crates.io', '0.3.1', '>= 0.3.0, < 0.3.2', 'affected'],
    ['npm', 'junk', '<1.0.0', 'unknown'],
    ['PyPI', '1.0', '>=1.0,<', 'unknown'],
  ];
  it.each(table)('%s %s in "%s" is %s', (ecosystem, version, range, kind) => {
    expect(satisfies(ecosystem, version, range).kind).toBe(kind);
  });

  it('never throws, whatever it is given', () => {
    const hostile = [undefined, null, 42, {}, '\u0000', '<'.repeat(10_000), '1'.repeat(100_000)];
    for (const value of hostile) {
      const v = value as unknown as string;
      expect(() => satisfies('npm', v, v)).not.toThrow();
      expect(() => satisfies('Debian', '1.0', v)).not.toThrow();
      expect(() => satisfies('PyPI', v, '>=1.0')).not.toThrow();
    }
  });

  it('tells validity apart from comparability', () => {
    expect(isValidVersion('Debian', '0:abc3-0')).toBe(false);
    expect(compareVersions('Debian', '0:abc3-0', '0:abc3-1')).toBeLessThan(0);
  });
});
