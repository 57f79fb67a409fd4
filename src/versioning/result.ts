import type { Parsed, RangeResult } from './types.js';

/** Shared values and helpers for the RangeResult and Parsed unions. */
export const AFFECTED: RangeResult = Object.freeze({ kind: 'affected' });
export const NOT_AFFECTED: RangeResult = Object.freeze({ kind: 'not-affected' });

export function unknown(reason: string): RangeResult {
  return { kind: 'unknown', reason };
}

export function fromBoolean(inside: boolean): RangeResult {
  return inside ? AFFECTED : NOT_AFFECTED;
}

export function ok<V>(value: V): Parsed<V> {
  return { ok: true, value };
}

export function fail<V>(reason: string): Parsed<V> {
  return { ok: false, reason };
}

/**
 * Longest version string any module reads. Real versions stay far below it; anything
 * longer is hostile or corrupt, and refusing it early keeps every parser linear and small.
 */
export const MAX_VERSION_LENGTH = 512;

/** Longest range expression read, for the same reason. */
export const MAX_RANGE_LENGTH = 4096;

/** Rejects non-strings and oversized input before a parser looks at it. */
export function checkInput(input: unknown, max = MAX_VERSION_LENGTH): string | undefined {
  if (typeof input !== 'string') return 'version is not a string';
  if (input.length > max) return `version is longer than ${max} characters`;
  return undefined;
}
