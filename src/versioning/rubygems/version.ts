import { compareDigits } from '../numeric.js';
import { checkInput, fail, ok } from '../result.js';
import type { Parsed } from '../types.js';

/**
 * Gem::Version (rubygems lib/rubygems/version.rb): digits, then dot-separated alphanumeric
 * parts, optionally `-pre.parts`; blank means "0". A `-` reads as `.pre.`. Segments are
 * runs of digits (numbers) or letters (strings); any letter makes it a pre-release.
 */
export type Segment = number | string;

export interface GemVersion {
  text: string;
  segments: Segment[];
  canonical: Segment[];
}

const PATTERN = /^\s*([0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?\s*$/;

export function parseGem(input: string): Parsed<GemVersion> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);
  if (!PATTERN.test(input)) return fail('malformed gem version');

  const text = input.trim() === '' ? '0' : input.trim().replace(/-/g, '.pre.');
  const segments = (text.match(/[0-9]+|[a-z]+/gi) ?? []).map(toSegment);
  return ok({ text, segments, canonical: canonicalSegments(segments) });
}

// Digit runs beyond 2^53 keep their digits as a string tagged with a leading '#'.
function toSegment(s: string): Segment {
  if (!/^[0-9]/.test(s)) return s;
  return s.length < 16 ? Number(s) : `#${s.replace(/^0+(?=.)/, '')}`;
}

const isNumber = (s: Segment) => typeof s === 'number' || s.startsWith('#');

/** Gem::Version#canonical_segments: trailing zeros dropped from the numeric and the string part. */
function canonicalSegments(segments: Segment[]): Segment[] {
  const stringStart = segments.findIndex((s) => !isNumber(s));
  const numeric = stringStart === -1 ? segments : segments.slice(0, stringStart);
  const rest = stringStart === -1 ? [] : segments.slice(stringStart);
  return [...dropTrailingZeros(numeric), ...dropTrailingZeros(rest)];
}

function dropTrailingZeros(segments: Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0 && segments[end - 1] === 0) end--;
  return segments.slice(0, end);
}

/** Gem::Version#<=>: pairwise, missing as 0, a string below a number, strings by text. */
export function compareGem(a: GemVersion, b: GemVersion): number {
  const l = a.canonical;
  const r = b.canonical;
  for (let i = 0; i < Math.max(l.length, r.length); i++) {
    const x = l[i] ?? 0;
    const y = r[i] ?? 0;
    const diff = compareSegment(x, y);
    if (diff !== 0) return diff;
  }
  return 0;
}

function compareSegment(x: Segment, y: Segment): number {
  const xNum = isNumber(x);
  const yNum = isNumber(y);
  if (xNum !== yNum) return xNum ? 1 : -1;
  if (xNum) return Math.sign(compareDigits(digitsOf(x), digitsOf(y)));
  return x < y ? -1 : x > y ? 1 : 0;
}

const digitsOf = (s: Segment) => (typeof s === 'number' ? String(s) : s.slice(1));

export const isPrereleaseGem = (v: GemVersion) => v.segments.some((s) => !isNumber(s));

/** Gem::Version#release: the version with its letter segments and everything after removed. */
export function releaseOf(v: GemVersion): GemVersion {
  if (!isPrereleaseGem(v)) return v;
  const segments = v.segments.slice(
    0,
    v.segments.findIndex((s) => !isNumber(s)),
  );
  return fromSegments(segments);
}

/** Gem::Version#bump: drop letter segments, drop the last number (if more than one), add one. */
export function bumpOf(v: GemVersion): GemVersion {
  const segments = v.segments.slice();
  while (segments.some((s) => !isNumber(s))) segments.pop();
  if (segments.length > 1) segments.pop();
  const last = segments.length - 1;
  segments[last] = increment(segments[last] ?? 0);
  return fromSegments(segments);
}

function increment(s: Segment): Segment {
  if (typeof s === 'number') return s + 1;
  return `#${(BigInt(s.slice(1)) + 1n).toString()}`;
}

function fromSegments(segments: Segment[]): GemVersion {
  const text = segments.map(digitsOf).join('.');
  return { text, segments, canonical: canonicalSegments(segments) };
}
