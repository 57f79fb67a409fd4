import Database from 'better-sqlite3';
import { DrydockError } from '../errors.js';
import { cveCount } from './ids.js';
import type { Advisory, FeedResult, Severity } from './model.js';
import { ecosystemKey, packageKey } from './normalise.js';
import { INDEX_SQL, SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

type Db = Database.Database;
type Stmt = Database.Statement;

export interface SourceSummary {
  records: number;
  errors: number;
  oddVersions: number;
  lastSync?: string;
}

/**
 * Writes a new DB file in one transaction with prepared statements. The file is a
 * scratch file until `finish` commits it: callers build beside the live DB and swap it in
 * (build.ts), so the writer turns off the journal and fsyncs that only protect in place.
 */
export class DbWriter {
  private readonly db: Db;
  private readonly stmts: Record<string, Stmt>;

  constructor(path: string) {
    try {
      this.db = new Database(path);
    } catch (err) {
      throw new DrydockError('CACHE_IO', `cannot create vulnerability db ${path}`, { cause: err });
    }
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(SCHEMA_SQL);
    this.db.exec('BEGIN');
    this.stmts = prepareAll(this.db);
  }

  addSource(name: string, format: string, location: string): number {
    const row = this.stmts.source!.run(name, format, location);
    return Number(row.lastInsertRowid);
  }

  /** Stores what one parser returned for one file of the source. */
  write(sourceId: number, result: FeedResult): void {
    for (const advisory of result.advisories) this.advisory(sourceId, advisory);
    for (const p of result.problems) this.stmts.problem!.run(sourceId, p.path, p.reason);
    for (const k of result.kev) {
      this.stmts.kev!.run(k.cve, k.dateAdded, k.dueDate, k.ransomware, k.vendor, k.product, k.name);
    }
    for (const e of result.epss) this.stmts.epss!.run(e.cve, e.score, e.percentile, e.date);
    for (const e of result.enrichments) {
      for (const s of e.severities) this.severity(e.id, s);
      for (const cwe of e.cwes) this.stmts.cwe!.run(e.id, cwe);
    }
  }

  endSource(sourceId: number, summary: SourceSummary): void {
    const { records, errors, oddVersions, lastSync } = summary;
    this.stmts.endSource!.run(records, errors, oddVersions, lastSync ?? null, sourceId);
  }

  setSourceFormat(sourceId: number, format: string): void {
    this.stmts.sourceFormat!.run(format, sourceId);
  }

  /** Links aliases, indexes, stamps the metadata and commits; the file is complete after. */
  finish(builtAt: Date): void {
    this.db.exec(INDEX_SQL);
    linkAliasGroups(this.db);
    this.stmts.meta!.run('schema_version', String(SCHEMA_VERSION));
    this.stmts.meta!.run('built_at', builtAt.toISOString());
    this.db.exec('COMMIT');
    this.db.exec('ANALYZE');
    this.db.close();
  }

  /** Gives up on the file; the caller deletes it. */
  abort(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }

  private advisory(sourceId: number, a: Advisory): void {
    const row = this.stmts.advisory!.run(
      a.id,
      sourceId,
      a.id,
      a.summary ?? null,
      a.details ?? null,
      a.published ?? null,
      a.modified ?? null,
      a.withdrawn ?? null,
      JSON.stringify(a.references),
    );
    const rowid = row.lastInsertRowid;

    for (const alias of new Set(a.aliases)) if (alias !== a.id) this.stmts.alias!.run(rowid, alias);
    for (const s of a.severities) this.severity(a.id, s);
    for (const cwe of a.cwes) this.stmts.cwe!.run(a.id, cwe);
    for (const p of a.affected) {
      this.stmts.affected!.run(
        rowid,
        p.ecosystem,
        ecosystemKey(p.ecosystem),
        p.name,
        packageKey(p.ecosystem, p.name),
        p.purl ?? null,
        p.status ?? null,
        p.severity ?? null,
        JSON.stringify(p.ranges),
        JSON.stringify(p.versions),
      );
    }
  }

  private severity(id: string, s: Severity): void {
    this.stmts.severity!.run(
      id,
      s.source,
      s.type,
      s.vector ?? null,
      s.score ?? null,
      s.rating ?? null,
    );
  }
}

function prepareAll(db: Db): Record<string, Stmt> {
  return {
    source: db.prepare('INSERT INTO sources (name, format, location) VALUES (?, ?, ?)'),
    endSource: db.prepare(
      'UPDATE sources SET records = ?, errors = ?, odd_versions = ?, last_sync = ? WHERE id = ?',
    ),
    sourceFormat: db.prepare('UPDATE sources SET format = ? WHERE id = ?'),
    problem: db.prepare('INSERT INTO problems (source_id, path, reason) VALUES (?, ?, ?)'),
    advisory: db.prepare(
      `INSERT INTO advisories (vuln_id, source_id, group_key, summary, details, published,
        modified, withdrawn, refs_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    alias: db.prepare('INSERT INTO aliases (advisory, alias) VALUES (?, ?)'),
    affected: db.prepare(
      `INSERT INTO affected (advisory, ecosystem, ecosystem_key, package, package_key, purl,
        status, severity, ranges_json, versions_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    severity: db.prepare(
      `INSERT INTO severities (vuln_id, source, type, vector, score, rating)
        VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    cwe: db.prepare('INSERT OR IGNORE INTO cwes (vuln_id, cwe) VALUES (?, ?)'),
    kev: db.prepare('INSERT OR REPLACE INTO kev VALUES (?, ?, ?, ?, ?, ?, ?)'),
    epss: db.prepare('INSERT OR REPLACE INTO epss VALUES (?, ?, ?, ?)'),
    meta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
  };
}

/**
 * One problem is one finding: ids linked by aliases, directly or through other records,
 * share a group key, the smallest CVE id in the group or else its smallest id. A record
 * that names several CVEs (a DSA fixing five, an Alpine secdb line) is a fix for several
 * problems, not one problem with many names: it links no CVE to another, or every
 * advisory of a busy package would collapse into one group.
 */
function linkAliasGroups(db: Db): void {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(preferred(ra, rb) === ra ? rb : ra, preferred(ra, rb));
  };

  const pairs = db
    .prepare(
      `SELECT a.vuln_id AS id, l.alias AS alias
        FROM aliases l JOIN advisories a ON a.id = l.advisory`,
    )
    .all() as Array<{ id: string; alias: string }>;
  const byRecord = new Map<string, string[]>();
  for (const { id, alias } of pairs) byRecord.set(id, [...(byRecord.get(id) ?? []), alias]);
  for (const [id, aliases] of byRecord) {
    if (cveCount([id, ...aliases]) > 1) continue;
    for (const alias of aliases) union(id, alias);
  }

  const update = db.prepare('UPDATE advisories SET group_key = ? WHERE vuln_id = ?');
  const ids = db.prepare('SELECT DISTINCT vuln_id AS id FROM advisories').all() as Array<{
    id: string;
  }>;
  for (const { id } of ids) {
    const root = find(id);
    if (root !== id) update.run(root, id);
  }
}

function preferred(a: string, b: string): string {
  const aCve = a.startsWith('CVE-');
  const bCve = b.startsWith('CVE-');
  if (aCve !== bCve) return aCve ? a : b;
  return a < b ? a : b;
}
