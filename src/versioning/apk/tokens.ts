import { compareDigitRange } from '../numeric.js';

/**
 * The token grammar of Alpine versions, `digit{.digit}...{letter}{_suf{#}}...{~hash}{-r#}`,
 * as apk-tools' version.c reads it. Token kinds are ordered: a token may only be followed
 * by kinds that come after it (a letter cannot follow a suffix, a revision ends it all).
 */
export enum Tok {
  InitialDigit = 0,
  Digit = 1,
  Letter = 2,
  Suffix = 3,
  SuffixNo = 4,
  CommitHash = 5,
  RevisionNo = 6,
  End = 7,
  Invalid = 8,
}

// Suffix weights: pre-release suffixes sort below "no suffix" (5), post-release above.
const SUFFIXES: Readonly<Record<string, number>> = {
  alpha: 1,
  beta: 2,
  pre: 3,
  rc: 4,
  cvs: 6,
  svn: 7,
  git: 8,
  hg: 9,
  p: 10,
};
export const SUFFIX_NONE = 5;

/** One reusable cursor per side, so comparing allocates nothing per token. */
export interface Cursor {
  s: string;
  pos: number;
  tok: Tok;
  start: number;
  end: number;
  suffix: number;
}

export function newCursor(s: string): Cursor {
  return { s, pos: 0, tok: Tok.InitialDigit, start: 0, end: 0, suffix: 0 };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (c: number) => c >= 97 && c <= 122;
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

function span(t: Cursor, pred: (c: number) => boolean): void {
  t.start = t.pos;
  while (t.pos < t.s.length && pred(t.s.charCodeAt(t.pos))) t.pos++;
  t.end = t.pos;
}

function invalid(t: Cursor): void {
  t.tok = Tok.Invalid;
}

export function first(t: Cursor): void {
  t.pos = 0;
  t.tok = Tok.InitialDigit;
  span(t, isDigit);
  if (t.end === t.start) t.tok = Tok.Invalid;
}

export function next(t: Cursor): void {
  if (t.pos >= t.s.length) {
    t.tok = Tok.End;
    return;
  }

  const c = t.s.charCodeAt(t.pos);
  if (isLower(c)) letter(t);
  else if (c === 46 || isDigit(c)) digits(t, c === 46);
  else if (c === 95) suffix(t);
  else if (c === 126) hash(t);
  else if (c === 45) revision(t);
  else invalid(t);
}

function letter(t: Cursor): void {
  if (t.tok > Tok.Digit) {
    invalid(t);
    return;
  }
  t.start = t.pos;
  t.end = ++t.pos;
  t.tok = Tok.Letter;
}

function digits(t: Cursor, dot: boolean): void {
  if (dot && t.tok > Tok.Digit) {
    invalid(t);
    return;
  }
  if (dot) t.pos++;

  if (t.tok === Tok.InitialDigit || t.tok === Tok.Digit) t.tok = Tok.Digit;
  else if (t.tok === Tok.Suffix) t.tok = Tok.SuffixNo;
  else {
    invalid(t);
    return;
  }

  span(t, isDigit);
  if (t.end === t.start) t.tok = Tok.Invalid;
}

function suffix(t: Cursor): void {
  if (t.tok > Tok.SuffixNo) {
    invalid(t);
    return;
  }
  t.pos++;
  span(t, isLower);

  const weight = SUFFIXES[t.s.slice(t.start, t.end)];
  if (weight === undefined) {
    invalid(t);
    return;
  }
  t.suffix = weight;
  t.tok = Tok.Suffix;
}

function hash(t: Cursor): void {
  if (t.tok >= Tok.CommitHash) {
    invalid(t);
    return;
  }
  t.pos++;
  span(t, isHex);
  t.tok = t.end === t.start ? Tok.Invalid : Tok.CommitHash;
}

function revision(t: Cursor): void {
  if (t.tok >= Tok.RevisionNo || t.s.charCodeAt(t.pos + 1) !== 114) {
    invalid(t);
    return;
  }
  t.pos += 2;
  span(t, isDigit);
  t.tok = t.end === t.start ? Tok.Invalid : Tok.RevisionNo;
}

/** Compares two tokens of the same kind. */
export function tokenCompare(a: Cursor, b: Cursor): number {
  switch (a.tok) {
    case Tok.Digit:
      // A leading zero makes the component fractional: compare as text (Gentoo rule).
      if (a.s.charCodeAt(a.start) === 48 || b.s.charCodeAt(b.start) === 48)
        return textCompare(a, b);
      return compareDigitRange(a.s, a.start, a.end, b.s, b.start, b.end);
    case Tok.InitialDigit:
    case Tok.SuffixNo:
    case Tok.RevisionNo:
      return compareDigitRange(a.s, a.start, a.end, b.s, b.start, b.end);
    case Tok.Letter:
      return a.s.charCodeAt(a.start) - b.s.charCodeAt(b.start);
    case Tok.Suffix:
      return a.suffix - b.suffix;
    default:
      return textCompare(a, b);
  }
}

function textCompare(a: Cursor, b: Cursor): number {
  const n = Math.min(a.end - a.start, b.end - b.start);
  for (let i = 0; i < n; i++) {
    const diff = a.s.charCodeAt(a.start + i) - b.s.charCodeAt(b.start + i);
    if (diff !== 0) return diff;
  }
  return a.end - a.start - (b.end - b.start);
}
