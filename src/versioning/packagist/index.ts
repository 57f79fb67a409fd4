import { checkInput, fail, ok } from '../result.js';
import type { Parsed, Versioning } from '../types.js';
import { compareParts, splitPhp } from './compare.js';
import { satisfiesComposer } from './constraint.js';

export { canonicalPhp, phpVersionCompare } from './compare.js';

export interface PackagistVersion {
  text: string;
  parts: string[];
}
export { satisfiesComposer } from './constraint.js';

/**
 * Packagist versions are kept as text: version_compare() orders any string, including
 * Composer branch versions (`dev-main`). A leading `v` is dropped, as osv.dev does.
 */
export function parsePackagist(input: string): Parsed<PackagistVersion> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);
  const text = input.trim();
  if (text === '') return fail('version string is empty');
  if (/\s/.test(text)) return fail('version string has embedded spaces');
  const bare = /^[vV][0-9]/.test(text) ? text.slice(1) : text;
  return ok({ text: bare, parts: splitPhp(bare) });
}

export const packagist: Versioning<PackagistVersion> = {
  scheme: 'packagist',
  parse: parsePackagist,
  isValid: (input) => parsePackagist(input).ok,
  compare: (a, b) => compareParts(a.parts, b.parts),
  satisfies: (version, constraint) => satisfiesComposer(version.text, constraint),
};
