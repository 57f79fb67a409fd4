/**
 * Ordering of unbounded decimal digit runs without converting them to numbers, so a
 * 40-digit date stamp or a hostile run of digits neither loses precision nor allocates.
 */
export function compareDigits(a: string, b: string): number {
  const aStart = skipZeros(a, 0, a.length);
  const bStart = skipZeros(b, 0, b.length);
  return compareDigitRange(a, aStart, a.length, b, bStart, b.length);
}

/** Compares a[aStart, aEnd) with b[bStart, bEnd); both ranges hold digits only. */
export function compareDigitRange(
  a: string,
  aStart: number,
  aEnd: number,
  b: string,
  bStart: number,
  bEnd: number,
): number {
  const as = skipZeros(a, aStart, aEnd);
  const bs = skipZeros(b, bStart, bEnd);
  const lengthDiff = aEnd - as - (bEnd - bs);
  if (lengthDiff !== 0) return lengthDiff;

  for (let i = 0; i < aEnd - as; i++) {
    const diff = a.charCodeAt(as + i) - b.charCodeAt(bs + i);
    if (diff !== 0) return diff;
  }
  return 0;
}

function skipZeros(s: string, start: number, end: number): number {
  let i = start;
  while (i < end && s.charCodeAt(i) === 48) i++;
  return i;
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    if (!isDigitCode(s.charCodeAt(i))) return false;
  }
  return true;
}

/** Digits with leading zeros removed ("0" stays "0"), for canonical forms. */
export function stripLeadingZeros(s: string): string {
  const start = skipZeros(s, 0, s.length);
  return start === s.length ? '0' : s.slice(start);
}

export function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
