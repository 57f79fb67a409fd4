/**
 * The vulnerability DB's public face for the matcher and the CLI.
 *
 *   const db = openDb(defaultDbPath(cacheDir));
 *   for (const adv of db.advisoriesFor('PyPI', 'Django')) {
 *     // adv.id 'PYSEC-2023-12', adv.aliases ['CVE-2023-...'], adv.groupKey 'CVE-2023-...'
 *     // adv.affected: this package's entries, ranges as OSV events (evaluate them with
 *     //   src/versioning's evaluateOsv) or NATIVE expressions (with `satisfies`), plus a
 *     //   distro `status` (fixed / unfixed / will-not-fix / not-affected / end-of-life)
 *     // adv.severities: every source's rating and CVSS, each naming its source; when an
 *     //   affected entry carries `severity`, that is the distro's rating and it wins
 *     // adv.kev, adv.epss: present when the CVE (or an alias) is in those feeds
 *   }
 *   db.close();
 *
 * Lookups are by (OSV ecosystem, package name). Ecosystems compare case-insensitively and
 * names by the registry's rules (PEP 503 for PyPI, ...). Distro ecosystems carry the
 * release: `Debian:11`, `Ubuntu:22.04:LTS`, `Alpine:v3.11`, `Wolfi`. Findings from records
 * that share a `groupKey` are one problem and MUST be reported once.
 */
import { join } from 'node:path';
import { VulnDb } from './reader.js';

export { type BuildReport, buildDb, parseSourceArg, type SourceSpec } from './build.js';
export type {
  AffectedPackage,
  DistroStatus,
  EpssEntry,
  KevEntry,
  RangeSpec,
  Severity,
} from './model.js';
export type { AdvisoryRecord, DbStatus, SourceStatus } from './reader.js';
export { SCHEMA_VERSION } from './schema.js';
export { VulnDb };

export const DB_FILE_NAME = 'vulndb.sqlite';

export function defaultDbPath(cacheDir: string): string {
  return join(cacheDir, 'db', DB_FILE_NAME);
}

/** Opens a built DB read-only; throws DrydockError `DB_INVALID` when it is not one. */
export function openDb(path: string): VulnDb {
  return new VulnDb(path);
}
