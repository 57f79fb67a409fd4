import semverLib, { type SemVer } from 'semver';
import { satisfiesComparators } from '../comparators.js';
import { checkInput, fail, ok } from '../result.js';
import type { Parsed, Versioning } from '../types.js';
import { coerceSemver } from './coerce.js';

export { coerceSemver } from './coerce.js';

/**
 * Plain SemVer 2.0 (semver.org) for OSV ecosystems without a scheme of their own:
 * crates.io, Hex, Pub, SwiftURL and any unknown ecosystem. Strict parsing, a leading `v`
 * tolerated as Git tags carry it, and partial versions padded (`1.2` is `1.2.0`) as OSV
 * does. Ranges are comparator lists (`>= 1.2.0, < 1.4.0`);
 * each ecosystem's caret and tilde dialects differ, so they are not guessed at.
 */
export function parseSemver(input: string): Parsed<SemVer> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);

  const parsed = semverLib.parse(coerceSemver(input));
  return parsed === null ? fail('not a valid SemVer 2.0 version') : ok(parsed);
}

export const semver: Versioning<SemVer> = {
  scheme: 'semver',
  parse: parseSemver,
  isValid: (input) => parseSemver(input).ok,
  compare: (a, b) => a.compare(b),
  satisfies: (version, range) => satisfiesComparators(semver, version, range),
};
