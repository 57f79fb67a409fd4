import calculator from 'ae-cvss-calculator';
import type { Parsed } from '../versioning/types.js';
import type { CvssVersion } from './metrics.js';
import { type CvssVector, parseVector } from './vector.js';

export type { CvssVersion } from './metrics.js';
export { type CvssVector, parseVector } from './vector.js';

/**
 * CVSS scores from vector strings. Vectors are validated here first (see vector.ts); the
 * arithmetic is ae-cvss-calculator's, which reproduces FIRST's calculators on every vector
 * in the reference suites. The score is the one the vector defines: the base score for
 * v2 and v3, and for v4 the CVSS-B/BT/BE/BTE score its metrics select (v4.0 section 1.3).
 */
export interface CvssResult {
  version: CvssVersion;
  vector: string;
  score: number;
}

type Calculator = { calculateScores(): { base?: number; overall?: number } };

const CONSTRUCTORS: Record<CvssVersion, new (vector: string) => Calculator> = {
  '2.0': calculator.Cvss2,
  '3.0': calculator.Cvss3P0,
  '3.1': calculator.Cvss3P1,
  '4.0': calculator.Cvss4P0,
};

/** Scans score the same few thousand vectors again and again; bounded, starts over when full. */
const cache = new Map<string, Parsed<CvssResult>>();
const CACHE_LIMIT = 20_000;

export function scoreVector(input: unknown): Parsed<CvssResult> {
  if (typeof input !== 'string') return scoreUncached(input);
  const hit = cache.get(input);
  if (hit) return hit;

  const result = scoreUncached(input);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, result);
  return result;
}

function scoreUncached(input: unknown): Parsed<CvssResult> {
  const parsed = parseVector(input);
  if (!parsed.ok) return parsed;

  const score = compute(parsed.value);
  if (score === undefined || !Number.isFinite(score) || score < 0 || score > 10) {
    return { ok: false, reason: `no score for ${parsed.value.vector}` };
  }
  return { ok: true, value: { version: parsed.value.version, vector: parsed.value.vector, score } };
}

function compute(vector: CvssVector): number | undefined {
  const Ctor = CONSTRUCTORS[vector.version];
  try {
    const scores = new Ctor(vector.vector).calculateScores();
    return vector.version === '4.0' ? scores.overall : scores.base;
  } catch {
    return undefined;
  }
}

export type QualitativeRating = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';

/** The qualitative rating of a v3/v4 score (v3.1 specification section 5, table 14). */
export function ratingOf(score: number): QualitativeRating {
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  if (score >= 4) return 'MEDIUM';
  if (score > 0) return 'LOW';
  return 'NONE';
}
