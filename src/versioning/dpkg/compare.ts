import type { DpkgVersion } from './parse.js';

/**
 * Debian version ordering, deb-version(7) "Sorting algorithm" and dpkg's verrevcmp():
 * epochs compare numerically; upstream and revision alternate non-digit runs, compared
 * character by character with `~` before everything (even the end), then letters, then
 * other characters; and digit runs, compared numerically. An absent revision equals "0".
 *
 * This is the scanner's hot path: no regexes, no allocations, char codes only.
 */
export function compareDpkg(a: DpkgVersion, b: DpkgVersion): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;

  const upstream = verrevcmp(a.upstream, b.upstream);
  if (upstream !== 0) return upstream;

  return verrevcmp(a.revision, b.revision);
}

const TILDE = 126;

/** Weight of one character in a non-digit run; 0 stands for "end of string" and digits. */
function order(s: string, i: number): number {
  if (i >= s.length) return 0;

  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return 0;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return c;
  if (c === TILDE) return -1;
  return c + 256;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigitAt(a, i)) || (j < b.length && !isDigitAt(b, j))) {
      const diff = order(a, i) - order(b, j);
      if (diff !== 0) return diff;
      i++;
      j++;
    }

    while (i < a.length && a.charCodeAt(i) === 48) i++;
    while (j < b.length && b.charCodeAt(j) === 48) j++;

    // Equal-length digit runs are decided by their first differing digit.
    let firstDiff = 0;
    while (i < a.length && j < b.length && isDigitAt(a, i) && isDigitAt(b, j)) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && isDigitAt(a, i)) return 1;
    if (j < b.length && isDigitAt(b, j)) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}
