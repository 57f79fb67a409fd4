import { compareDigits } from '../numeric.js';
import { checkInput, fail, ok } from '../result.js';
import type { Parsed } from '../types.js';

/**
 * A NuGet package version (learn.microsoft.com, "NuGet package versioning"): SemVer 2.0
 * extended to a fourth `Revision` number and to `Major.Minor` shorthands, compared
 * case-insensitively. Pre-release labels compare like SemVer's, ignoring case; build
 * metadata never counts. A missing Patch or Revision counts as 0.
 */
export interface NugetVersion {
  numbers: [string, string, string, string];
  prerelease: string[];
}

const LABELS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const PATTERN = new RegExp(
  `^([0-9]+)\\.([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:-(${LABELS}))?(?:\\+${LABELS})?$`,
);

export function parseNuget(input: string): Parsed<NugetVersion> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);

  const m = PATTERN.exec(input.trim());
  if (m === null) return fail('not a valid NuGet version');
  const [, major = '0', minor = '0', patch = '0', revision = '0', pre] = m;
  return ok({
    numbers: [major, minor, patch, revision],
    prerelease: pre === undefined ? [] : pre.toLowerCase().split('.'),
  });
}

export function compareNuget(a: NugetVersion, b: NugetVersion): number {
  for (let i = 0; i < 4; i++) {
    const diff = compareDigits(a.numbers[i]!, b.numbers[i]!);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }

  const [x, y] = [a.prerelease, b.prerelease];
  if (x.length === 0 || y.length === 0) return x.length === y.length ? 0 : x.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = compareLabel(x[i]!, y[i]!);
    if (diff !== 0) return diff;
  }
  return Math.sign(x.length - y.length);
}

function compareLabel(x: string, y: string): number {
  const xNum = /^[0-9]+$/.test(x);
  const yNum = /^[0-9]+$/.test(y);
  if (xNum && yNum) return Math.sign(compareDigits(x, y));
  if (xNum !== yNum) return xNum ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
