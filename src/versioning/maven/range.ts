import { AFFECTED, MAX_RANGE_LENGTH, NOT_AFFECTED, unknown } from '../result.js';
import type { RangeResult } from '../types.js';
import { compareLists } from './items.js';
import { type MavenVersion, parseMaven } from './parse.js';

/**
 * Maven version ranges (POM reference, "Dependency Version Requirement Specification"):
 * `[1.0,2.0)`, `(,1.0]`, `[1.5,)`, the exact `[1.2]`, and unions `(,1.0],[1.2,)`.
 * A bare `1.0` is only a soft preference in Maven; as a vulnerability range it means
 * that version alone.
 */
interface Interval {
  lower?: MavenVersion;
  lowerInclusive: boolean;
  upper?: MavenVersion;
  upperInclusive: boolean;
}

export function parseMavenRange(range: string): Interval[] | string {
  if (range.length > MAX_RANGE_LENGTH) return 'range is too long';
  const text = range.replace(/\s+/g, '');
  if (text === '') return 'range is empty';
  if (!/^[[(]/.test(text)) return exactInterval(text);

  const intervals: Interval[] = [];
  const pattern = /([[(])([^\])]*)([\])])(,|$)/y;
  while (pattern.lastIndex < text.length) {
    const m = pattern.exec(text);
    if (m === null) return `malformed range "${range}"`;
    const interval = readInterval(m[1]!, m[2]!, m[3]!);
    if (typeof interval === 'string') return interval;
    intervals.push(interval);
  }
  return intervals;
}

function exactInterval(text: string): Interval[] | string {
  const v = parseMaven(text);
  if (!v.ok) return v.reason;
  return [{ lower: v.value, lowerInclusive: true, upper: v.value, upperInclusive: true }];
}

function readInterval(open: string, body: string, close: string): Interval | string {
  const parts = body.split(',');
  if (parts.length > 2) return `range "${open}${body}${close}" has more than two bounds`;

  if (parts.length === 1) {
    // `[1.2]` pins one version; `(1.2)` has no meaning.
    if (open !== '[' || close !== ']') return `single-version range "${open}${body}${close}"`;
    const exact = exactInterval(body);
    return typeof exact === 'string' ? exact : exact[0]!;
  }

  const lower = bound(parts[0]!);
  const upper = bound(parts[1]!);
  if (typeof lower === 'string') return lower;
  if (typeof upper === 'string') return upper;
  return { lower, lowerInclusive: open === '[', upper, upperInclusive: close === ']' };
}

function bound(text: string): MavenVersion | undefined | string {
  if (text === '') return undefined;
  const v = parseMaven(text);
  return v.ok ? v.value : v.reason;
}

export function inMavenRange(version: MavenVersion, range: string): RangeResult {
  const intervals = parseMavenRange(range);
  if (typeof intervals === 'string') return unknown(intervals);
  return intervals.some((i) => inside(version, i)) ? AFFECTED : NOT_AFFECTED;
}

function inside(v: MavenVersion, i: Interval): boolean {
  if (i.lower !== undefined) {
    const c = compareLists(v.items, i.lower.items);
    if (c < 0 || (c === 0 && !i.lowerInclusive)) return false;
  }
  if (i.upper !== undefined) {
    const c = compareLists(v.items, i.upper.items);
    if (c > 0 || (c === 0 && !i.upperInclusive)) return false;
  }
  return true;
}
