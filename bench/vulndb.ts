import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { buildDb, openDb, parseSourceArg } from '../src/vulndb/index.js';

/**
 * Full build time and DB size from the shared advisories corpus, then lookups per second
 * of (ecosystem, package) -> advisories through the public API, against a baseline in
 * the same run: the bare indexed SQL row fetch the API is built on.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const corpus = path.resolve(repoRoot, '../shared/data/advisories');

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'drydock-bench-vulndb-'));
  const dbPath = path.join(work, 'vulndb.sqlite');
  const sources = (await readdir(corpus)).sort().map((d) => parseSourceArg(path.join(corpus, d)));

  const t0 = performance.now();
  const report = await buildDb(sources, dbPath);
  const buildMs = performance.now() - t0;
  const size = (await stat(dbPath)).size;
  const records = report.sources.reduce((n, s) => n + s.records, 0);

  const raw = new Database(dbPath, { readonly: true });
  const keys = raw
    .prepare(
      'SELECT DISTINCT ecosystem, package, ecosystem_key, package_key FROM affected ' +
        'ORDER BY random() LIMIT 5000',
    )
    .all() as Array<{
    ecosystem: string;
    package: string;
    ecosystem_key: string;
    package_key: string;
  }>;
  const bare = raw.prepare('SELECT * FROM affected WHERE ecosystem_key = ? AND package_key = ?');

  const baseline = rate(keys, (k) => bare.all(k.ecosystem_key, k.package_key).length);
  raw.close();

  const db = openDb(dbPath);
  const api = rate(keys, (k) => db.advisoriesFor(k.ecosystem, k.package).length);
  db.close();

  console.log(
    `build: ${(buildMs / 1000).toFixed(1)} s for ${records} records from ${sources.length} sources`,
  );
  console.log(`db size: ${(size / 1024 / 1024).toFixed(1)} MiB`);
  console.log(`lookups: ${api.toFixed(0)}/s via advisoriesFor, ${baseline.toFixed(0)}/s bare SQL`);
  console.log(`ratio: advisoriesFor runs at ${(api / baseline).toFixed(2)}x the bare SQL rate`);
  await rm(work, { recursive: true, force: true });
}

function rate<T>(keys: T[], fn: (k: T) => number): number {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 2000) {
    for (const k of keys) {
      fn(k);
      n++;
    }
  }
  return n / ((performance.now() - start) / 1000);
}

void main();
