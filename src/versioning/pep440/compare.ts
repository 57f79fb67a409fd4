import { compareDigits } from '../numeric.js';
import type { Pep440Version } from './parse.js';

/**
 * PEP 440 ordering ("Summary of permitted suffixes and relative ordering"): epoch, then
 * release with trailing zeros ignored, then dev < pre (a < b < rc) < final < post; a dev
 * release of a pre or post release sorts just before it; a bare `X.devN` sorts before
 * every pre-release of X. Local labels sort after the public version, segment by
 * segment, numbers above letters (packaging's _cmpkey).
 */
export function comparePep440(a: Pep440Version, b: Pep440Version): number {
  return (
    sign(compareDigits(a.epoch, b.epoch)) ||
    compareRelease(a.release, b.release) ||
    compareKey(preKey(a), preKey(b)) ||
    compareKey(postKey(a), postKey(b)) ||
    compareKey(devKey(a), devKey(b)) ||
    compareLocal(a.local, b.local)
  );
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

function compareRelease(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (diff !== 0) return sign(diff);
  }
  return 0;
}

/** A sort key: a rank (stands for -inf / value / +inf) and, for the middle, values. */
type Key = [rank: number, ...values: string[]];

const LETTER_RANK = { a: '0', b: '1', rc: '2' } as const;

function preKey(v: Pep440Version): Key {
  if (v.pre === undefined && v.post === undefined && v.dev !== undefined) return [0];
  if (v.pre === undefined) return [2];
  return [1, LETTER_RANK[v.pre.letter], v.pre.number];
}

function postKey(v: Pep440Version): Key {
  return v.post === undefined ? [0] : [1, v.post];
}

function devKey(v: Pep440Version): Key {
  return v.dev === undefined ? [2] : [1, v.dev];
}

function compareKey(a: Key, b: Key): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  for (let i = 1; i < a.length; i++) {
    const diff = compareDigits(a[i] as string, b[i] as string);
    if (diff !== 0) return sign(diff);
  }
  return 0;
}

function compareLocal(a: string[] | undefined, b: string[] | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;

  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = compareLocalSegment(a[i]!, b[i]!);
    if (diff !== 0) return diff;
  }
  return sign(a.length - b.length);
}

function compareLocalSegment(x: string, y: string): number {
  const xNum = /^[0-9]+$/.test(x);
  const yNum = /^[0-9]+$/.test(y);
  if (xNum && yNum) return sign(compareDigits(x, y));
  if (xNum !== yNum) return xNum ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}
