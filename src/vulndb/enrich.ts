import type Database from 'better-sqlite3';
import { cveCount } from './ids.js';

type Row = Record<string, unknown>;

const IDS = '(SELECT value FROM json_each(?))';

/**
 * What one lookup needs besides the affected rows (aliases, ratings, CWEs, KEV, EPSS),
 * fetched in five queries for all its advisories together rather than five per advisory:
 * a package with dozens of advisories is one round of queries, not dozens.
 */
export interface Enrichment {
  aliases: string[];
  /** The ids whose ratings, KEV and EPSS belong to this record. */
  own: string[];
  severities: Row[];
  cwes: string[];
  kev?: Row;
  epss?: Row;
}

export function prepareEnrichment(db: Database.Database): Record<string, Database.Statement> {
  return {
    aliases: db.prepare(
      `SELECT advisory, alias FROM aliases WHERE advisory IN ${IDS} ORDER BY alias`,
    ),
    severities: db.prepare(`SELECT DISTINCT vuln_id, source, type, vector, score, rating
      FROM severities WHERE vuln_id IN ${IDS}`),
    cwes: db.prepare(`SELECT DISTINCT vuln_id, cwe FROM cwes WHERE vuln_id IN ${IDS} ORDER BY cwe`),
    kev: db.prepare(`SELECT * FROM kev WHERE cve IN ${IDS}`),
    epss: db.prepare(`SELECT * FROM epss WHERE cve IN ${IDS} ORDER BY score DESC`),
  };
}

/** `first` holds one lookup row per advisory (its rowid in `advisory`). */
export function enrich(
  stmts: Record<string, Database.Statement>,
  first: Map<number, Row>,
): Map<number, Enrichment> {
  const aliasRows = stmts.aliases!.all(JSON.stringify([...first.keys()])) as Row[];
  const aliases = groupBy(
    aliasRows,
    (r) => r.advisory as number,
    (r) => String(r.alias),
  );

  const out = new Map<number, Enrichment>();
  for (const [advisory, row] of first) {
    const id = String(row.vuln_id);
    const mine = aliases.get(advisory) ?? [];
    // A record fixing several CVEs takes only its own ratings, or it would wear another's.
    const own = cveCount([id, ...mine]) > 1 ? [id] : [id, ...mine, String(row.group_key)];
    out.set(advisory, { aliases: mine, own: [...new Set(own)], severities: [], cwes: [] });
  }

  const all = JSON.stringify([...new Set([...out.values()].flatMap((e) => e.own))]);
  const sev = groupBy(
    stmts.severities!.all(all) as Row[],
    (r) => String(r.vuln_id),
    (r) => r,
  );
  const cwe = groupBy(
    stmts.cwes!.all(all) as Row[],
    (r) => String(r.vuln_id),
    (r) => String(r.cwe),
  );
  const kev = groupBy(
    stmts.kev!.all(all) as Row[],
    (r) => String(r.cve),
    (r) => r,
  );
  const epss = groupBy(
    stmts.epss!.all(all) as Row[],
    (r) => String(r.cve),
    (r) => r,
  );

  for (const e of out.values()) {
    e.severities = distinctRatings(e.own.flatMap((id) => sev.get(id) ?? []));
    e.cwes = [...new Set(e.own.flatMap((id) => cwe.get(id) ?? []))].sort();
    e.kev = e.own.map((id) => kev.get(id)?.[0]).find(Boolean);
    const scores = e.own.flatMap((id) => epss.get(id) ?? []);
    e.epss = scores.sort((a, b) => Number(b.score) - Number(a.score))[0];
  }
  return out;
}

function distinctRatings(rows: Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = JSON.stringify([r.source, r.type, r.vector, r.score, r.rating]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function groupBy<K, V>(rows: Row[], key: (r: Row) => K, value: (r: Row) => V): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(value(row));
    else out.set(k, [value(row)]);
  }
  return out;
}
