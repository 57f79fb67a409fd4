import { z } from 'zod';
import { errorMessage } from '../../errors.js';
import type { Problem } from '../model.js';

/** A short, single-line reason from a schema failure, naming the field that failed. */
export function schemaReason(err: z.ZodError): string {
  const first = err.issues[0];
  if (!first) return 'does not match the schema';

  const where = first.path.length > 0 ? first.path.join('.') : 'record';
  return `${where}: ${first.message}`;
}

export function problem(path: string, reason: string): Problem {
  return { path, reason };
}

/** Parses JSON, turning a syntax error into a reason instead of a throw. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, reason: `invalid json: ${errorMessage(err)}` };
  }
}

/** The feed that speaks for an id, judged by its prefix; severities keep it as their source. */
export function sourceOfId(id: string): string {
  const prefix = /^([A-Z]+)-/.exec(id)?.[1] ?? '';
  const known: Record<string, string> = {
    GHSA: 'ghsa',
    GO: 'go',
    PYSEC: 'pypa',
    RUSTSEC: 'rustsec',
    ALSA: 'almalinux',
    ALBA: 'almalinux',
    ALEA: 'almalinux',
    RLSA: 'rocky',
    UBUNTU: 'ubuntu',
    USN: 'ubuntu',
    DSA: 'debian',
    DLA: 'debian',
    DTSA: 'debian',
    CGA: 'wolfi',
    CVE: 'nvd',
  };
  return known[prefix] ?? 'osv';
}

/** Ids of the form CVE-YYYY-N, the key KEV, EPSS and NVD use. */
export const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

/** Dates as ISO strings; feeds write `2015-10-17`, `2023-12-18` or full timestamps. */
export function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.trim();
}

export const looseString = z.union([z.string(), z.number()]).transform((v) => String(v));
