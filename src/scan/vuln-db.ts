import { existsSync } from 'node:fs';
import { DrydockError } from '../errors.js';
import { type StaleItem, staleItems } from '../vulndb/freshness.js';
import { openDb, type VulnDb } from '../vulndb/index.js';

/**
 * Opens the vulnerability DB for a scan. A missing DB is the user's to fix, so the message
 * says how; a stale one yields warnings, or a failure when the user asked for that.
 */
export interface OpenedDb {
  db: VulnDb;
  stale: StaleItem[];
}

export function openScanDb(
  path: string,
  options: { maxAgeMs: number; failOnStale: boolean; now?: Date },
): OpenedDb {
  if (!existsSync(path)) {
    throw new DrydockError(
      'DB_MISSING',
      `vulnerability db ${path} does not exist: run "drydock db build" or "drydock db pull" ` +
        'first, or pass --db FILE',
    );
  }

  const db = openDb(path);
  const stale = staleItems(db.status(), options.maxAgeMs, options.now);
  if (stale.length > 0 && options.failOnStale) {
    db.close();
    const what = stale.map((s) => `${s.what} (${s.since ?? 'never synced'})`).join(', ');
    throw new DrydockError('DB_STALE', `vulnerability data is stale: ${what}`);
  }
  return { db, stale };
}

export function staleWarnings(stale: StaleItem[]): string[] {
  return stale.map((s) => `${s.what} is stale: last updated ${s.since ?? 'never'}`);
}

const UNITS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Reads `90m`, `24h`, `7d`. */
export function parseDuration(text: string): number {
  const m = /^(\d{1,6})([mhd])$/.exec(text.trim());
  if (!m) throw new DrydockError('USAGE', `"${text}" is not a duration such as 90m, 24h or 7d`);
  return Number(m[1]) * UNITS[m[2]!]!;
}
