/**
 * PHP's version_compare() (ext/standard/versioning.c) as OSV applies it to Packagist.
 * Canonical form first: `-`, `_`, `+` become `.`, and a `.` is put between a digit and a
 * non-digit; unlike PHP, other punctuation is kept as part of a word, as osv.dev does
 * (so `1.2.3.#` equals `1.2.3`: `#` ranks as "a number here"). Then part by part:
 * numbers numerically; words by rank dev < alpha = a < beta = b < RC = rc < (number)
 * < pl = p, any other word below all; when one side runs out, a remaining number makes
 * it newer, a remaining word is ranked against a number.
 */
const NUMBER = '#';

const FORMS: [string, number][] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

function rank(word: string): number {
  // PHP matches a form when the word starts with it (`alpha1` would be alpha).
  for (const [form, value] of FORMS) if (word.startsWith(form)) return value;
  return -6;
}

const isDigit = (c: string) => c >= '0' && c <= '9';

export function canonicalPhp(version: string): string {
  return version
    .replace(/[-_+]/g, '.')
    .replace(/([^0-9.])([0-9])/g, '$1.$2')
    .replace(/([0-9])([^0-9.])/g, '$1.$2')
    .replace(/\.{2,}/g, '.');
}

function comparePart(a: string, b: string): number {
  const aNum = isDigit(a[0] ?? '');
  const bNum = isDigit(b[0] ?? '');
  if (aNum && bNum) return Math.sign(Number.parseInt(a, 10) - Number.parseInt(b, 10));
  if (!aNum && !bNum) return Math.sign(rank(a) - rank(b));
  return aNum ? Math.sign(rank(NUMBER) - rank(b)) : Math.sign(rank(a) - rank(NUMBER));
}

export function phpVersionCompare(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
  return compareParts(splitPhp(a), splitPhp(b));
}

/** The canonical parts of a version, computed once per version by the parser. */
export function splitPhp(version: string): string[] {
  return canonicalPhp(version).split('.');
}

export function compareParts(pa: string[], pb: string[]): number {
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const diff = comparePart(pa[i]!, pb[i]!);
    if (diff !== 0) return diff;
  }

  // One side has parts left: a number there wins, a word is ranked against "a number".
  if (pa.length > n) return isDigit(pa[n]![0] ?? '') ? 1 : compareParts(pa.slice(n), [NUMBER]);
  if (pb.length > n) return isDigit(pb[n]![0] ?? '') ? -1 : compareParts([NUMBER], pb.slice(n));
  return 0;
}
