import semver, { type RangeOptions, type SemVer } from 'semver';
import { checkInput, fail, fromBoolean, MAX_RANGE_LENGTH, ok, unknown } from '../result.js';
import { coerceSemver } from '../semver/coerce.js';
import type { Parsed, RangeResult, Versioning } from '../types.js';

/**
 * npm versions and ranges through node-semver, the implementation npm itself runs, so
 * drydock agrees with what `npm install` resolved. Ordering is SemVer 2.0 precedence
 * (semver.org, section 11): build metadata ignored, a pre-release below its release.
 */
export function parseNpm(input: string, options: RangeOptions = {}): Parsed<SemVer> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);

  const parsed = semver.parse(input.trim(), options);
  return parsed === null ? fail('not a valid semver version') : ok(parsed);
}

/**
 * Range test with node-semver's own options. The module's `satisfies` sets
 * `includePrerelease`: npm's default keeps `1.2.0-beta` out of `<1.2.1` (a resolver
 * choice), but for a vulnerability range the pre-release is just as affected.
 */
export function satisfiesNpm(version: SemVer, range: string, options: RangeOptions): RangeResult {
  if (range.length > MAX_RANGE_LENGTH) return unknown('range is too long');
  if (semver.validRange(range, options) === null) return unknown(`invalid npm range "${range}"`);
  return fromBoolean(semver.satisfies(version, range, options));
}

/**
 * node-semver's normalised form of a range (`1 - 2` -> `>=1.0.0 <3.0.0-0`), or null.
 * The match-all range is spelled `*`, as node-semver's current sources do (7.8 releases
 * print an empty string for it).
 */
export function normalizeNpmRange(range: string, options: RangeOptions = {}): string | null {
  if (range.length > MAX_RANGE_LENGTH) return null;
  try {
    return new semver.Range(range, options).range || '*';
  } catch {
    return null;
  }
}

/** Whether the version lies above (`gtr`) or below (`ltr`) every version the range allows. */
export function npmOutside(
  version: string,
  range: string,
  side: 'gtr' | 'ltr',
  options: RangeOptions = {},
): boolean {
  return side === 'gtr' ? semver.gtr(version, range, options) : semver.ltr(version, range, options);
}

/**
 * The module pads partial versions (`1.0` -> `1.0.0`) before the strict parse, as OSV
 * reads npm bounds; `isValid` stays strict.
 */
export const npm: Versioning<SemVer> = {
  scheme: 'npm',
  parse: (input) => parseNpm(typeof input === 'string' ? coerceSemver(input) : input),
  isValid: (input) => parseNpm(input).ok,
  compare: (a, b) => a.compare(b),
  satisfies: (version, range) => satisfiesNpm(version, range, { includePrerelease: true }),
};
