import type { DbStatus } from './reader.js';

/**
 * Staleness for scans: the DB, or any one source, older than `maxAgeMs`. Scans print a
 * warning for each item, or fail with `--fail-on-stale`. A source that never synced is
 * stale whatever the limit.
 */
export interface StaleItem {
  what: string;
  /** ISO time of the last build or sync; null when there never was one. */
  since: string | null;
}

export const DEFAULT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export function staleItems(status: DbStatus, maxAgeMs: number, now = new Date()): StaleItem[] {
  const limit = now.getTime() - maxAgeMs;
  const old = (iso: string | null): boolean => iso === null || !(Date.parse(iso) >= limit);
  const out: StaleItem[] = [];

  if (old(status.builtAt || null))
    out.push({ what: 'vulnerability db', since: status.builtAt || null });
  for (const s of status.sources) {
    if (old(s.lastSync)) out.push({ what: `source ${s.name}`, since: s.lastSync });
  }
  return out;
}
