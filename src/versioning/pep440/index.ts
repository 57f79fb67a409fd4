import type { Versioning } from '../types.js';
import { comparePep440 } from './compare.js';
import { type Pep440Version, parsePep440 } from './parse.js';
import { containsPep440 } from './specifier.js';

export { comparePep440 } from './compare.js';
export { formatPep440, type Pep440Version, parsePep440 } from './parse.js';
export { containsPep440, parseSpecifierSet } from './specifier.js';

/**
 * PyPI. `satisfies` admits pre-releases: pip's default of skipping them is an install
 * policy, while a pre-release inside a vulnerable range is as vulnerable as the rest.
 */
export const pep440: Versioning<Pep440Version> = {
  scheme: 'pep440',
  parse: parsePep440,
  isValid: (input) => parsePep440(input).ok,
  compare: comparePep440,
  satisfies: (version, range) =>
    containsPep440(range, { ok: true, value: version }, version.raw, true),
};
