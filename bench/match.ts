import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Inventory, Package, PackageType } from '../src/catalog/types.js';
import { matchInventory } from '../src/match/index.js';
import { buildDb, openDb, parseSourceArg } from '../src/vulndb/index.js';

/**
 * Matching time for an inventory of 10,000 packages against the full DB built from the
 * shared corpus (target: under 1 s), beside a baseline from the same run: the DB lookups
 * alone, which matching cannot go below. Packages are real names from the DB, half of
 * them language packages at an old version and half Debian 11 packages, so most lookups
 * find advisories to evaluate. Pass a built DB as the first argument to skip the build.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const corpus = path.resolve(repoRoot, '../shared/data/advisories');
const SIZE = 10_000;

const TYPES: Record<string, PackageType> = {
  npm: 'npm',
  PyPI: 'pypi',
  RubyGems: 'gem',
  Go: 'golang',
  'crates.io': 'cargo',
  Packagist: 'composer',
};

async function main(): Promise<void> {
  let work: string | undefined;
  let dbPath = process.argv[2];
  if (!dbPath) {
    work = await mkdtemp(path.join(tmpdir(), 'drydock-bench-match-'));
    dbPath = path.join(work, 'vulndb.sqlite');
    const dirs = (await readdir(corpus)).sort();
    await buildDb(
      dirs.map((d) => parseSourceArg(path.join(corpus, d))),
      dbPath,
    );
  }

  const inventory = inventoryFrom(dbPath);
  const db = openDb(dbPath);

  const t0 = performance.now();
  for (const pkg of inventory.packages)
    db.advisoriesFor(ecosystemOf(pkg), pkg.source?.name ?? pkg.name);
  const lookupMs = performance.now() - t0;

  const t1 = performance.now();
  const result = matchInventory(inventory, db);
  const matchMs = performance.now() - t1;
  db.close();

  console.log(`packages          ${inventory.packages.length}`);
  console.log(`findings          ${result.vulnerabilities.length}`);
  console.log(`unevaluated       ${result.unevaluated.length}`);
  console.log(`lookups only      ${lookupMs.toFixed(0)} ms (baseline)`);
  console.log(
    `match             ${matchMs.toFixed(0)} ms (${(matchMs / lookupMs).toFixed(2)}x baseline)`,
  );
  console.log(`target            ${matchMs < 1000 ? 'met' : 'MISSED'} (< 1000 ms)`);
  if (work) await rm(work, { recursive: true, force: true });
}

function inventoryFrom(dbPath: string): Inventory {
  const raw = new Database(dbPath, { readonly: true });
  const language = raw
    .prepare(
      `SELECT DISTINCT ecosystem, package FROM affected WHERE ecosystem IN
       ('npm','PyPI','RubyGems','Go','crates.io','Packagist') ORDER BY package LIMIT ?`,
    )
    .all(SIZE / 2) as Array<{ ecosystem: string; package: string }>;
  const debian = raw
    .prepare("SELECT DISTINCT package FROM affected WHERE ecosystem = 'Debian:11' LIMIT ?")
    .all(SIZE) as Array<{ package: string }>;
  raw.close();

  const packages: Package[] = language.map((row) =>
    pkg(row.package, '1.0.0', TYPES[row.ecosystem]!),
  );
  for (let i = 0; packages.length < SIZE; i++) {
    const source = debian[i % debian.length]!.package;
    const deb = pkg(`${source}-bin${i}`, '1.0-1', 'deb');
    deb.source = { name: source, version: '1.0-1' };
    packages.push(deb);
  }
  return { distro: { id: 'debian', versionId: '11' }, packages, problems: [] };
}

function pkg(name: string, version: string, type: PackageType): Package {
  return {
    name,
    version,
    type,
    purl: `pkg:${type}/${name}@${version}`,
    licenses: [],
    locations: [],
  };
}

function ecosystemOf(p: Package): string {
  const entry = Object.entries(TYPES).find(([, t]) => t === p.type);
  return entry ? entry[0] : 'Debian:11';
}

await main();
