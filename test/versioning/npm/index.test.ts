import fc from 'fast-check';
import type { RangeOptions } from 'semver';
import { describe, expect, it } from 'vitest';
import {
  normalizeNpmRange,
  npm,
  npmOutside,
  parseNpm,
  satisfiesNpm,
} from '../../../src/versioning/npm/index.js';
import { assertOrderLaws } from '../properties.js';
import { cases } from '../vectors.js';

const opts = (raw: string | undefined): RangeOptions => (raw ? JSON.parse(raw) : {});

const p = (s: string, options: RangeOptions = {}) => {
  const parsed = parseNpm(s, options);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('npm versioning: node-semver fixtures', () => {
  it.each(cases('npm-semver.tsv'))('orders %s', (_label, { a, b, expected, options }) => {
    const o = opts(options);
    expect(Math.sign(npm.compare(p(a!, o), p(b!, o)))).toBe(Number(expected));
  });

  it.each(cases('npm-semver-range.tsv'))('ranges %s', (_label, row) => {
    const o = opts(row.options);
    const parsed = parseNpm(row.version!, o);
    // Upstream's exclude list holds versions that are not valid at all: never inside.
    if (!parsed.ok) return expect(row.expected).toBe('false');
    // Upstream's exclude list mixes out-of-range versions with unreadable ranges: both
    // must stay out of `affected`; the include list must be exactly `affected`.
    const result = satisfiesNpm(parsed.value, row.range!, o);
    if (row.expected === 'true') expect(result.kind).toBe('affected');
    else expect(result.kind).not.toBe('affected');
  });

  it.each(cases('npm-semver-range-parse.tsv'))('normalises %s', (_label, row) => {
    const expected = row.normalized === 'null' ? null : row.normalized;
    expect(normalizeNpmRange(row.range!, opts(row.options))).toBe(expected);
  });

  it.each(cases('npm-semver-outside.tsv'))('outside %s', (_label, row) => {
    const side = row.fn as 'gtr' | 'ltr';
    expect(npmOutside(row.version!, row.range!, side, opts(row.options))).toBe(
      row.expected === 'true',
    );
  });

  it.each(cases('npm-semver-valid.tsv'))('parses %s', (_label, row) => {
    const v = p(row.version!);
    expect([v.major, v.minor, v.patch]).toEqual([row.major, row.minor, row.patch].map(Number));
    expect(v.prerelease).toEqual(JSON.parse(row.prerelease!));
    expect(v.build).toEqual(JSON.parse(row.build!));
  });

  it.each(cases('npm-semver-invalid.tsv'))('rejects %s', (_label, row) => {
    // Upstream passes a RegExp or an object with toString() in the "not a string" rows;
    // the boundary check refuses anything that is not a string.
    const value: unknown = row.reason!.includes('not a string')
      ? { toString: () => row.value }
      : row.value;
    expect(parseNpm(value as string, opts(row.options)).ok).toBe(false);
  });
});

describe('npm versioning: vulnerability ranges', () => {
  const table: [string, string, string][] = [
    ['1.2.0-beta.1', '<1.2.1', 'affected'],
    ['2.0.5', '<1.2.3 || >=2.0.0 <2.1.1', 'affected'],
    ['2.1.1', '<1.2.3 || >=2.0.0 <2.1.1', 'not-affected'],
    ['1.0.0', '>=1.0.0 <<2', 'unknown'],
    ['1.0.0', `${'1 || '.repeat(2000)}1`, 'unknown'],
  ];
  it.each(table)('%s in "%s" is %s', (version, range, kind) => {
    expect(npm.satisfies(p(version), range).kind).toBe(kind);
  });
});

describe('npm versioning: order properties', () => {
  const version = fc
    .tuple(fc.nat(12), fc.nat(12), fc.nat(12))
    .chain((n) =>
      fc
        .constantFrom('', '-alpha', '-alpha.1', '-1', '-rc.10', '+build')
        .map((s) => `${n.join('.')}${s}`),
    );
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(version, (s) => p(s), npm.compare);
  });
});
