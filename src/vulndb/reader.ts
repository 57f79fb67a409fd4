import Database from 'better-sqlite3';
import { DrydockError } from '../errors.js';
import { type Enrichment, enrich, prepareEnrichment } from './enrich.js';
import type { AffectedPackage, EpssEntry, KevEntry, RangeSpec, Severity } from './model.js';
import { ecosystemKey, packageKey } from './normalise.js';
import { SCHEMA_VERSION } from './schema.js';

/** One advisory as the matcher sees it, narrowed to the package that was asked about. */
export interface AdvisoryRecord {
  id: string;
  /** The `db build` source the record came from, e.g. `golang-vulndb`. */
  source: string;
  /** Shared by every record about the same problem; findings are deduplicated on it. */
  groupKey: string;
  aliases: string[];
  summary?: string;
  published?: string;
  modified?: string;
  withdrawn?: string;
  /** This package's entries only; a record may list the same package more than once. */
  affected: AffectedPackage[];
  /** From every source, for the id and its aliases; each keeps its `source`. */
  severities: Severity[];
  cwes: string[];
  kev?: KevEntry;
  epss?: EpssEntry;
}

export interface SourceStatus {
  name: string;
  format: string;
  lastSync: string | null;
  records: number;
  errors: number;
}

export interface DbStatus {
  schemaVersion: number;
  builtAt: string;
  sources: SourceStatus[];
}

type Row = Record<string, unknown>;

/** Read-only access to a built DB; see index.ts for the contract. */
export class VulnDb {
  private readonly db: Database.Database;
  private readonly stmts: Record<string, Database.Statement>;
  private readonly enrichment: Record<string, Database.Statement>;

  constructor(path: string) {
    try {
      this.db = new Database(path, { readonly: true, fileMustExist: true });
    } catch (err) {
      throw new DrydockError('DB_INVALID', `vulnerability db ${path} cannot be opened`, {
        cause: err,
      });
    }
    checkSchema(this.db, path);
    this.stmts = prepare(this.db);
    this.enrichment = prepareEnrichment(this.db);
  }

  advisoriesFor(ecosystem: string, packageName: string): AdvisoryRecord[] {
    const rows = this.stmts.lookup!.all(
      ecosystemKey(ecosystem),
      packageKey(ecosystem, packageName),
    ) as Row[];
    const first = new Map<number, Row>();
    for (const row of rows)
      if (!first.has(row.advisory as number)) first.set(row.advisory as number, row);
    if (first.size === 0) return [];

    const extra = enrich(this.enrichment, first);
    const byAdvisory = new Map<number, AdvisoryRecord>();
    for (const row of rows) {
      const key = row.advisory as number;
      let record = byAdvisory.get(key);
      if (!record) {
        record = recordOf(row, extra.get(key)!);
        byAdvisory.set(key, record);
      }
      record.affected.push(affectedOf(row));
    }
    return [...byAdvisory.values()];
  }

  status(): DbStatus {
    const meta = new Map((this.stmts.meta!.all() as Row[]).map((r) => [r.key, String(r.value)]));
    const sources = (this.stmts.sources!.all() as Row[]).map((r) => ({
      name: String(r.name),
      format: String(r.format),
      lastSync: (r.last_sync as string | null) ?? null,
      records: Number(r.records),
      errors: Number(r.errors),
    }));
    return {
      schemaVersion: Number(meta.get('schema_version')),
      builtAt: meta.get('built_at') ?? '',
      sources,
    };
  }

  /** Per-record problems of one source, for `db status --verbose` and debugging. */
  problems(source: string, limit = 100): Array<{ path: string; reason: string }> {
    return this.stmts.problems!.all(source, limit) as Array<{ path: string; reason: string }>;
  }

  close(): void {
    this.db.close();
  }
}

function recordOf(row: Row, extra: Enrichment): AdvisoryRecord {
  const record: AdvisoryRecord = {
    id: String(row.vuln_id),
    source: String(row.source),
    groupKey: String(row.group_key),
    aliases: extra.aliases,
    affected: [],
    severities: extra.severities.map(severityOf),
    cwes: extra.cwes,
  };
  assignOptional(record, row);
  if (extra.kev) record.kev = kevOf(extra.kev);
  if (extra.epss) record.epss = epssOf(extra.epss);
  return record;
}

function checkSchema(db: Database.Database, path: string): void {
  let version: unknown;
  try {
    version = (db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as Row)
      ?.value;
  } catch (err) {
    db.close();
    throw new DrydockError('DB_INVALID', `${path} is not a drydock vulnerability db`, {
      cause: err,
    });
  }

  if (Number(version) !== SCHEMA_VERSION) {
    db.close();
    throw new DrydockError(
      'DB_INVALID',
      `vulnerability db ${path} has schema ${String(version)}, this drydock reads ` +
        `${SCHEMA_VERSION}: rebuild or pull it`,
    );
  }
}

function prepare(db: Database.Database): Record<string, Database.Statement> {
  return {
    lookup: db.prepare(
      `SELECT af.*, a.vuln_id, a.group_key, a.summary, a.published, a.modified, a.withdrawn,
        s.name AS source
       FROM affected af JOIN advisories a ON a.id = af.advisory JOIN sources s ON s.id = a.source_id
       WHERE af.ecosystem_key = ? AND af.package_key = ? ORDER BY a.vuln_id, af.rowid`,
    ),
    meta: db.prepare('SELECT key, value FROM meta'),
    sources: db.prepare('SELECT * FROM sources ORDER BY id'),
    problems:
      db.prepare(`SELECT p.path, p.reason FROM problems p JOIN sources s ON s.id = p.source_id
      WHERE s.name = ? LIMIT ?`),
  };
}

function assignOptional(record: AdvisoryRecord, row: Row): void {
  for (const key of ['summary', 'published', 'modified', 'withdrawn'] as const) {
    const value = row[key];
    if (typeof value === 'string') record[key] = value;
  }
}

function affectedOf(row: Row): AffectedPackage {
  const affected: AffectedPackage = {
    ecosystem: String(row.ecosystem),
    name: String(row.package),
    ranges: JSON.parse(String(row.ranges_json)) as RangeSpec[],
    versions: JSON.parse(String(row.versions_json)) as string[],
  };
  if (row.purl) affected.purl = String(row.purl);
  if (row.status) affected.status = row.status as AffectedPackage['status'];
  if (row.severity) affected.severity = String(row.severity);
  return affected;
}

function severityOf(row: Row): Severity {
  const s: Severity = { source: String(row.source), type: String(row.type) };
  if (row.vector !== null) s.vector = String(row.vector);
  if (row.score !== null) s.score = Number(row.score);
  if (row.rating !== null) s.rating = String(row.rating);
  return s;
}

function kevOf(row: Row): KevEntry {
  const entry: KevEntry = { cve: String(row.cve), dateAdded: String(row.date_added) };
  if (row.due_date) entry.dueDate = String(row.due_date);
  if (row.ransomware) entry.ransomware = String(row.ransomware);
  if (row.vendor) entry.vendor = String(row.vendor);
  if (row.product) entry.product = String(row.product);
  if (row.name) entry.name = String(row.name);
  return entry;
}

function epssOf(row: Row): EpssEntry {
  const entry: EpssEntry = {
    cve: String(row.cve),
    score: Number(row.score),
    percentile: Number(row.percentile),
  };
  if (row.date) entry.date = String(row.date);
  return entry;
}
