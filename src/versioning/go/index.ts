import { satisfiesComparators } from '../comparators.js';
import { compareDigits } from '../numeric.js';
import type { Versioning } from '../types.js';
import { type GoVersion, parseGo } from './parse.js';

export { canonicalGo, type GoVersion, parseGo } from './parse.js';

/**
 * SemVer 2.0 precedence (semver.org section 11) as golang.org/x/mod/semver applies it:
 * numbers compare numerically, a release outranks its pre-releases, pre-release
 * identifiers compare numeric-before-alphanumeric, build metadata never counts.
 */
export function compareGo(a: GoVersion, b: GoVersion): number {
  const core =
    compareDigits(a.major, b.major) ||
    compareDigits(a.minor, b.minor) ||
    compareDigits(a.patch, b.patch);
  if (core !== 0) return core < 0 ? -1 : 1;

  return comparePrerelease(a.prerelease, b.prerelease);
}

export function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0)
    return b.length - a.length === 0 ? 0 : a.length === 0 ? 1 : -1;

  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = compareIdent(a[i]!, b[i]!);
    if (diff !== 0) return diff;
  }
  return Math.sign(a.length - b.length);
}

function compareIdent(x: string, y: string): number {
  const xNum = /^[0-9]+$/.test(x);
  const yNum = /^[0-9]+$/.test(y);
  if (xNum && yNum) return Math.sign(compareDigits(x, y));
  if (xNum !== yNum) return xNum ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

export const go: Versioning<GoVersion> = {
  scheme: 'go',
  parse: parseGo,
  isValid: (input) => parseGo(input).ok,
  compare: compareGo,
  satisfies: (version, range) => satisfiesComparators(go, version, range),
};
