import { satisfiesComparators } from '../comparators.js';
import { compareDigits } from '../numeric.js';
import { checkInput, fail, ok } from '../result.js';
import type { Parsed, Versioning } from '../types.js';
import { rpmvercmp } from './compare.js';

export { rpmvercmp } from './compare.js';

/**
 * An RPM EVR, `[epoch:]version[-release]`, split as rpm's parseEVR() splits it: the
 * epoch is a leading run of digits before `:`, the release follows the last `-`.
 */
export interface RpmVersion {
  epoch: string;
  version: string;
  release: string | undefined;
}

export function parseRpm(input: string): Parsed<RpmVersion> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);

  const text = input.trim();
  if (text === '') return fail('version string is empty');
  if (/\s/.test(text)) return fail('version string has embedded spaces');

  let digits = 0;
  while (digits < text.length && text.charCodeAt(digits) >= 48 && text.charCodeAt(digits) <= 57) {
    digits++;
  }
  const hasEpoch = text[digits] === ':';
  const epoch = hasEpoch ? text.slice(0, digits) || '0' : '0';
  const rest = hasEpoch ? text.slice(digits + 1) : text;

  const dash = rest.lastIndexOf('-');
  const version = dash === -1 ? rest : rest.slice(0, dash);
  const release = dash === -1 ? undefined : rest.slice(dash + 1);
  if (version === '') return fail('version part is empty');
  return ok({ epoch, version, release });
}

/**
 * EVR order: epoch numerically (absent = 0), then version, then release, each with
 * rpmvercmp. rpm itself skips the release when either side lacks one; that relation is
 * not transitive, so here an absent release sorts below any present one, as an empty
 * release string does in rpmvercmp.
 */
export function compareRpm(a: RpmVersion, b: RpmVersion): number {
  const epoch = compareDigits(a.epoch, b.epoch);
  if (epoch !== 0) return epoch < 0 ? -1 : 1;

  const version = rpmvercmp(a.version, b.version);
  if (version !== 0) return version;

  return rpmvercmp(a.release ?? '', b.release ?? '');
}

export const rpm: Versioning<RpmVersion> = {
  scheme: 'rpm',
  parse: parseRpm,
  isValid: (input) => parseRpm(input).ok,
  compare: compareRpm,
  satisfies: (version, range) => satisfiesComparators(rpm, version, range),
};
