/**
 * rpm's rpmvercmp() (rpmio/rpmvercmp.c): split both strings into runs of ASCII digits or
 * ASCII letters, skipping every other character as a separator. `~` sorts before
 * everything, even the end of the string; `^` sorts after the end but before any other
 * run. A numeric run beats an alphabetic one; numeric runs compare as numbers, alphabetic
 * runs byte-wise. Non-ASCII characters are separators, as in rpm.
 */
const TILDE = 126;
const CARET = 94;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isDigit(c) || isAlpha(c);

function skipSeparators(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isAlnum(c) || c === TILDE || c === CARET) break;
    i++;
  }
  return i;
}

export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;

  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    i = skipSeparators(a, i);
    j = skipSeparators(b, j);
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);

    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1;
      if (cb !== TILDE) return -1;
      i++;
      j++;
      continue;
    }

    if (ca === CARET || cb === CARET) {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (ca !== CARET) return 1;
      if (cb !== CARET) return -1;
      i++;
      j++;
      continue;
    }

    if (i >= a.length || j >= b.length) break;

    const segment = compareSegment(a, i, b, j);
    if (segment.result !== 0) return segment.result;
    i = segment.aEnd;
    j = segment.bEnd;
  }

  if (i >= a.length && j >= b.length) return 0;
  return i < a.length ? 1 : -1;
}

function runEnd(s: string, start: number, numeric: boolean): number {
  let k = start;
  while (k < s.length && (numeric ? isDigit(s.charCodeAt(k)) : isAlpha(s.charCodeAt(k)))) k++;
  return k;
}

function compareSegment(a: string, i: number, b: string, j: number) {
  const numeric = isDigit(a.charCodeAt(i));
  const aEnd = runEnd(a, i, numeric);
  const bEnd = runEnd(b, j, numeric);

  // Runs of different types: the numeric one is newer.
  if (bEnd === j) return { result: numeric ? 1 : -1, aEnd, bEnd };

  let as = i;
  let bs = j;
  if (numeric) {
    while (as < aEnd && a.charCodeAt(as) === 48) as++;
    while (bs < bEnd && b.charCodeAt(bs) === 48) bs++;
    const lengthDiff = aEnd - as - (bEnd - bs);
    if (lengthDiff !== 0) return { result: lengthDiff > 0 ? 1 : -1, aEnd, bEnd };
  }

  const result = compareRange(a, as, aEnd, b, bs, bEnd);
  return { result, aEnd, bEnd };
}

function compareRange(a: string, as: number, ae: number, b: string, bs: number, be: number) {
  const n = Math.min(ae - as, be - bs);
  for (let k = 0; k < n; k++) {
    const diff = a.charCodeAt(as + k) - b.charCodeAt(bs + k);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  const lengthDiff = ae - as - (be - bs);
  return lengthDiff === 0 ? 0 : lengthDiff < 0 ? -1 : 1;
}
