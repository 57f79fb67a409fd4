/**
 * Versioning throughput. Run: `npx tsx bench/versioning.ts`.
 *
 * Prints, per ecosystem, comparisons per second through the public `compareVersions`
 * (parse cache warm, as in a scan) and straight on parsed values, each with its ratio to
 * a baseline measured in the same run (plain JS string comparison of the same pairs);
 * then the time to evaluate 100k OSV `affected[]` entries taken from real advisories.
 * Versions come from the shared reference data: upstream test vectors and, for dpkg,
 * the fixed versions of Debian's DSA list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareVersions, evaluateOsvTrusted, versioningFor } from '../src/versioning/index.js';
import type { OsvAffected } from '../src/versioning/types.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dataRoot = path.resolve(repoRoot, '../shared/data');

const SOURCES: [ecosystem: string, files: string[]][] = [
  ['Debian', ['dpkg.tsv']],
  ['Alpine', ['apk.tsv']],
  ['AlmaLinux', ['rpm.tsv']],
  ['npm', ['npm-semver.tsv']],
  ['PyPI', ['pep440.tsv']],
  ['Maven', ['maven.tsv']],
  ['Go', ['go-semver.tsv']],
  ['RubyGems', ['rubygems.tsv']],
  ['Packagist', ['packagist-php-version_compare.tsv']],
  ['crates.io', ['npm-semver.tsv']],
];

function vectorVersions(file: string): string[] {
  const lines = readFileSync(path.join(dataRoot, 'versions', file), 'utf8').split('\n');
  const rows = lines.filter((l) => l !== '' && !l.startsWith('#')).slice(1);
  return rows.flatMap((l) => l.split('\t').slice(0, 2));
}

function debianFixedVersions(): string[] {
  const list = readFileSync(
    path.join(dataRoot, 'advisories/debian-security-tracker/data/DSA/list'),
    'utf8',
  );
  return [...list.matchAll(/^\t\[[a-z]+\] - \S+ ([0-9][^\s]*)/gm)].map((m) => m[1]!);
}

function usable(ecosystem: string, versions: string[]): string[] {
  const scheme = versioningFor(ecosystem);
  return [...new Set(versions)].filter((v) => scheme.parse(v).ok);
}

// Deterministic pair selection, so runs compare like with like.
function pairs(pool: string[], count: number): [string, string][] {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % pool.length;
  };
  return Array.from({ length: count }, () => [pool[next()]!, pool[next()]!]);
}

/** Runs `body` over the pairs until ~300 ms pass; returns operations per second. */
function opsPerSecond<T>(items: T[], body: (item: T) => number): number {
  let sink = 0;
  for (const item of items) sink += body(item);

  let ops = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 300_000_000n) {
    for (const item of items) sink += body(item);
    ops += items.length;
    elapsed = process.hrtime.bigint() - start;
  }
  if (sink === Number.MIN_SAFE_INTEGER) console.log('unreachable');
  return ops / (Number(elapsed) / 1e9);
}

const fmt = (n: number) => `${(n / 1e6).toFixed(2)}M/s`;

function benchComparisons(): void {
  console.log('comparisons per second (one core; 10k deterministic pairs per ecosystem)');
  console.log('  api:    compareVersions(), parse cache warm, as in a scan');
  console.log('  cold:   parse both sides + compare, no cache');
  console.log('  parsed: compare() on already parsed values');
  console.log('  ratio:  api / baseline, baseline = JS string < on the same pairs');
  console.log(
    'ecosystem     versions           api          cold        parsed      baseline  ratio',
  );

  for (const [ecosystem, files] of SOURCES) {
    const raw = files.flatMap(vectorVersions);
    if (ecosystem === 'Debian') raw.push(...debianFixedVersions());
    const pool = usable(ecosystem, raw);
    const work = pairs(pool, 10_000);

    const scheme = versioningFor(ecosystem);
    const parsed = work.map(([a, b]) => {
      const pa = scheme.parse(a);
      const pb = scheme.parse(b);
      return [pa.ok ? pa.value : undefined, pb.ok ? pb.value : undefined] as [unknown, unknown];
    });

    const api = opsPerSecond(work, ([a, b]) => compareVersions(ecosystem, a, b));
    const direct = opsPerSecond(parsed, ([a, b]) => scheme.compare(a, b));
    const cold = opsPerSecond(work, ([a, b]) => {
      const pa = scheme.parse(a);
      const pb = scheme.parse(b);
      return pa.ok && pb.ok ? scheme.compare(pa.value, pb.value) : 0;
    });
    const baseline = opsPerSecond(work, ([a, b]) => (a < b ? -1 : a > b ? 1 : 0));
    const row = [
      ecosystem.padEnd(12),
      String(pool.length).padStart(9),
      fmt(api).padStart(13),
      fmt(cold).padStart(13),
      fmt(direct).padStart(13),
      fmt(baseline).padStart(13),
      `${(api / baseline).toFixed(3)}`.padStart(6),
    ];
    console.log(row.join(' '));
  }
}

interface Sample {
  ecosystem: string;
  affected: OsvAffected;
  probe: string;
}

function listJson(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listJson(full);
    return e.name.endsWith('.json') ? [full] : [];
  });
}

/** Real `affected[]` entries, each with a probe version taken from its own events. */
function osvSamples(): Sample[] {
  const samples: Sample[] = [];
  for (const folder of ['golang-vulndb', 'rustsec-osv', 'almalinux-osv', 'ghsa-selected']) {
    for (const file of listJson(path.join(dataRoot, 'advisories', folder))) {
      const record = JSON.parse(readFileSync(file, 'utf8'));
      for (const affected of record.affected ?? []) {
        const events = (affected.ranges ?? []).flatMap((r: { events: object[] }) => r.events);
        const probes = events
          .flatMap((e: object) => Object.values(e))
          .filter((v: unknown) => v !== '0');
        // Alternate between the entry's own bounds, so all outcomes are exercised.
        const probe = probes[samples.length % Math.max(1, probes.length)] ?? '1.0.0';
        samples.push({ ecosystem: affected.package.ecosystem, affected, probe });
      }
    }
  }
  return samples;
}

function benchOsv(): void {
  const loadStart = performance.now();
  const samples = osvSamples();
  const loadMs = performance.now() - loadStart;

  const total = 100_000;
  const counts = { affected: 0, 'not-affected': 0, unknown: 0 };
  for (let i = 0; i < 2_000; i++) {
    const s = samples[i % samples.length]!;
    evaluateOsvTrusted(s.ecosystem, s.affected, s.probe);
  }

  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const s = samples[i % samples.length]!;
    counts[evaluateOsvTrusted(s.ecosystem, s.affected, s.probe).kind]++;
  }
  const ms = performance.now() - start;

  console.log('');
  console.log(`OSV: ${samples.length} affected[] entries from golang-vulndb, rustsec-osv,`);
  console.log(`     almalinux-osv, ghsa-selected (loaded in ${loadMs.toFixed(0)} ms)`);
  console.log(`OSV: ${total} evaluations in ${ms.toFixed(1)} ms (${fmt((total / ms) * 1000)})`);
  console.log(`     results: ${JSON.stringify(counts)}`);
}

benchComparisons();
benchOsv();
console.log('');
console.log('note: shared 2-core machine, figures move by 10-30% between runs; read the');
console.log('ratio column (same pairs, same run) rather than the absolute rates.');
