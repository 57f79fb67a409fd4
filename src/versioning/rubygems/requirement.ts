import { AFFECTED, MAX_RANGE_LENGTH, NOT_AFFECTED, unknown } from '../result.js';
import type { RangeResult } from '../types.js';
import { bumpOf, compareGem, type GemVersion, parseGem, releaseOf } from './version.js';

/**
 * Gem::Requirement (rubygems lib/rubygems/requirement.rb): comma-separated
 * `[OP] VERSION` terms that must all hold; no operator means `=`. `~> X.Y` (pessimistic)
 * is `>= X.Y` and, comparing the release part, `< X+1`; `~> X.Y.Z` is `< X.(Y+1)`.
 */
const OPS: Readonly<Record<string, (v: GemVersion, r: GemVersion) => boolean>> = {
  '=': (v, r) => compareGem(v, r) === 0,
  '!=': (v, r) => compareGem(v, r) !== 0,
  '>': (v, r) => compareGem(v, r) > 0,
  '<': (v, r) => compareGem(v, r) < 0,
  '>=': (v, r) => compareGem(v, r) >= 0,
  '<=': (v, r) => compareGem(v, r) <= 0,
  '~>': (v, r) => compareGem(v, r) >= 0 && compareGem(releaseOf(v), bumpOf(r)) < 0,
};

const TERM = /^\s*(!=|>=|<=|~>|=|>|<)?\s*(.*?)\s*$/;

export function satisfiesGem(version: GemVersion, requirement: string): RangeResult {
  if (requirement.length > MAX_RANGE_LENGTH) return unknown('requirement is too long');

  for (const term of requirement.split(',')) {
    const m = TERM.exec(term);
    const bound = parseGem(m?.[2] ?? '');
    if (m === null || m[2] === '' || !bound.ok) {
      return unknown(`"${term.trim()}" is not a gem requirement`);
    }
    if (!OPS[m[1] ?? '=']!(version, bound.value)) return NOT_AFFECTED;
  }
  return AFFECTED;
}
