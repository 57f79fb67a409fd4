import type { Parsed } from '../versioning/types.js';
import { type CvssVersion, METRICS } from './metrics.js';

/** A vector string read strictly: known version, known metrics, each once, base complete. */
export interface CvssVector {
  version: CvssVersion;
  /** The vector as given, trimmed (v2 without its optional parentheses). */
  vector: string;
  metrics: ReadonlyMap<string, string>;
}

/** Real vectors are under 200 characters; anything far longer is not one. */
const MAX_VECTOR_LENGTH = 512;

const PREFIX = /^CVSS:(3\.0|3\.1|4\.0)\//;

/**
 * Reads a CVSS v2.0, v3.0, v3.1 or v4.0 vector string. v3 and v4 vectors MUST start with
 * their `CVSS:<version>/` prefix (v3.1 specification section 6, v4.0 section 7); v2 vectors
 * have none and may be wrapped in parentheses, as NVD writes them.
 */
export function parseVector(input: unknown): Parsed<CvssVector> {
  if (typeof input !== 'string') return { ok: false, reason: 'vector is not a string' };
  if (input.length > MAX_VECTOR_LENGTH) {
    return { ok: false, reason: `vector is longer than ${MAX_VECTOR_LENGTH} characters` };
  }

  const trimmed = input.trim();
  const prefix = PREFIX.exec(trimmed);
  const version: CvssVersion = prefix ? (prefix[1] as CvssVersion) : '2.0';
  const body = prefix ? trimmed.slice(prefix[0].length) : trimmed.replace(/^\((.*)\)$/, '$1');
  if (!prefix && trimmed.startsWith('CVSS:')) {
    return { ok: false, reason: `unsupported CVSS version in "${trimmed.slice(0, 12)}"` };
  }

  const metrics = readMetrics(version, body);
  if (typeof metrics === 'string') return { ok: false, reason: metrics };
  return { ok: true, value: { version, vector: prefix ? trimmed : body, metrics } };
}

function readMetrics(version: CvssVersion, body: string): Map<string, string> | string {
  const set = METRICS[version];
  const metrics = new Map<string, string>();

  for (const part of body.split('/')) {
    const colon = part.indexOf(':');
    if (colon <= 0) return `"${part.slice(0, 20)}" is not METRIC:VALUE`;
    const name = part.slice(0, colon);
    const value = part.slice(colon + 1);

    const allowed = set.base[name] ?? set.optional[name];
    if (!allowed) return `CVSS ${version} has no metric ${name.slice(0, 20)}`;
    if (!allowed.includes(value))
      return `${name}:${value.slice(0, 20)} is not a CVSS ${version} value`;
    if (metrics.has(name)) return `metric ${name} appears twice`;
    metrics.set(name, value);
  }

  const missing = Object.keys(set.base).filter((name) => !metrics.has(name));
  if (missing.length > 0) return `base metric ${missing.join(', ')} missing`;
  return metrics;
}
