/**
 * The DB file's layout. Bump SCHEMA_VERSION whenever a table or a stored JSON shape
 * changes: readers refuse a file whose version they do not know rather than misread it.
 *
 * Ranges and versions are stored as JSON in the normalised model of model.ts; the lookup
 * key is (ecosystem_key, package_key), both normalised by normalise.ts. Severities, CWEs,
 * KEV and EPSS are keyed by vulnerability id (the advisory's own or an alias) so that
 * enrichment feeds attach to every advisory that names the same problem.
 */
export const SCHEMA_VERSION = 2;

export const SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  location TEXT NOT NULL,
  last_sync TEXT,
  records INTEGER NOT NULL DEFAULT 0,
  errors INTEGER NOT NULL DEFAULT 0,
  odd_versions INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE problems (
  source_id INTEGER NOT NULL REFERENCES sources(id),
  path TEXT NOT NULL,
  reason TEXT NOT NULL
);

CREATE TABLE advisories (
  id INTEGER PRIMARY KEY,
  vuln_id TEXT NOT NULL,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  group_key TEXT NOT NULL,
  summary TEXT,
  details TEXT,
  published TEXT,
  modified TEXT,
  withdrawn TEXT,
  refs_json TEXT NOT NULL
);

CREATE TABLE aliases (
  advisory INTEGER NOT NULL REFERENCES advisories(id),
  alias TEXT NOT NULL
);

CREATE TABLE affected (
  advisory INTEGER NOT NULL REFERENCES advisories(id),
  ecosystem TEXT NOT NULL,
  ecosystem_key TEXT NOT NULL,
  package TEXT NOT NULL,
  package_key TEXT NOT NULL,
  purl TEXT,
  status TEXT,
  severity TEXT,
  ranges_json TEXT NOT NULL,
  versions_json TEXT NOT NULL
);

CREATE TABLE severities (
  vuln_id TEXT NOT NULL,
  source TEXT NOT NULL,
  type TEXT NOT NULL,
  vector TEXT,
  score REAL,
  rating TEXT
);

CREATE TABLE cwes (vuln_id TEXT NOT NULL, cwe TEXT NOT NULL, UNIQUE (vuln_id, cwe));

CREATE TABLE kev (
  cve TEXT PRIMARY KEY,
  date_added TEXT NOT NULL,
  due_date TEXT,
  ransomware TEXT,
  vendor TEXT,
  product TEXT,
  name TEXT
);

CREATE TABLE epss (cve TEXT PRIMARY KEY, score REAL NOT NULL, percentile REAL NOT NULL, date TEXT);
`;

/** Indexes are created after the bulk insert: building them once is much cheaper. */
export const INDEX_SQL = `
CREATE INDEX advisories_vuln_id ON advisories(vuln_id);
CREATE INDEX advisories_group ON advisories(group_key);
CREATE INDEX aliases_advisory ON aliases(advisory);
CREATE INDEX aliases_alias ON aliases(alias);
CREATE INDEX affected_lookup ON affected(ecosystem_key, package_key);
CREATE INDEX affected_advisory ON affected(advisory);
CREATE INDEX severities_vuln_id ON severities(vuln_id);
`;
