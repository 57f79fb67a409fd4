import { type OperatorTable, satisfiesComparators } from '../comparators.js';
import { unknown } from '../result.js';
import type { RangeResult, Versioning } from '../types.js';
import { compareDpkg } from './compare.js';
import { type DpkgVersion, parseDpkg } from './parse.js';

export { compareDpkg, verrevcmp } from './compare.js';
export { type DpkgVersion, formatDpkg, parseDpkg } from './parse.js';

/**
 * Relations as deb-control(5) spells them. The bare `<` and `>` are left out on purpose:
 * Debian reads them as `<=` and `>=` (deprecated), feeds often mean strict, and guessing
 * either way can hide a vulnerable version, so they yield `unknown`.
 */
export const DPKG_OPERATORS: OperatorTable = {
  '<<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '=': (c) => c === 0,
  '>=': (c) => c >= 0,
  '>>': (c) => c > 0,
};

function satisfies(version: DpkgVersion, range: string): RangeResult {
  if (/(^|[^<>])[<>]([^<>=]|$)/.test(range)) {
    return unknown('dpkg relations "<" and ">" are ambiguous: use "<<", "<=", ">=" or ">>"');
  }
  return satisfiesComparators(dpkg, version, range, DPKG_OPERATORS);
}

export const dpkg: Versioning<DpkgVersion> = {
  scheme: 'dpkg',
  parse: parseDpkg,
  isValid(input) {
    const parsed = parseDpkg(input);
    return parsed.ok && parsed.value.warning === undefined;
  },
  compare: compareDpkg,
  satisfies,
};
