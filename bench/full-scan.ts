import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScanResult } from '../src/scan/result.js';
import { scanImage } from '../src/scan/scan.js';
import { scannerConsumers } from '../src/scan/scanners.js';
import { buildDb, openDb, parseSourceArg } from '../src/vulndb/index.js';
import { BENCH_DIR, bigImage } from './fixtures/big-image.js';
import { inChild, inflateFloor, printResult } from './fixtures/floor.js';

/**
 * The full scan the secret-scanning issue measures: packages, vulnerabilities (against
 * the DB built from the shared advisories) and secrets of the >= 1 GiB bench image, cold,
 * as a ratio to the floor: Node's zlib inflating the same layers, two at a time, in the
 * same run. Each measurement runs in its own process. Run: npx tsx bench/full-scan.ts
 */
type Mode = 'floor' | 'scan';
const CACHE = join(BENCH_DIR, 'full-scan-cache');
const DB = join(BENCH_DIR, 'vulndb.sqlite');
const CORPUS = resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/data/advisories');

async function measure(mode: Mode): Promise<void> {
  const image = await bigImage();
  const start = process.hrtime.bigint();
  let summary = '';
  if (mode === 'floor') {
    await inflateFloor(image.blobs, 2);
  } else {
    const scanners = ['vuln', 'secret'] as const;
    const {
      report,
      walk,
      image: opened,
    } = await scanImage({
      reference: `oci:${image.layout}:bench`,
      cacheDir: CACHE,
      consumers: scannerConsumers([...scanners]),
    });
    const db = openDb(DB);
    const result = buildScanResult({ ...report, scanners: [...scanners], db, walk, image: opened });
    db.close();
    summary = `${result.inventory.packages.length} packages, ${result.vulnerabilities.length} vulnerabilities, ${result.secrets.length} secrets`;
  }
  printResult(start, { summary });
}

function child(mode: Mode): { seconds: number; summary: string; rssMiB: number } {
  return inChild(import.meta.filename, mode);
}

async function main(): Promise<void> {
  const mode = process.argv[2] as Mode | undefined;
  if (mode) return measure(mode);

  const image = await bigImage();
  if (!existsSync(DB)) {
    const sources = (await readdir(CORPUS)).sort().map((d) => parseSourceArg(join(CORPUS, d)));
    await buildDb(sources, DB);
  }
  await rm(CACHE, { recursive: true, force: true });
  const floor = child('floor');
  const scan = child('scan');
  console.log(
    `image: ${image.blobs.length} layers, ${(image.inflatedBytes / 1024 ** 3).toFixed(2)} GiB inflated`,
  );
  console.log(`floor (zlib inflate, two layers at a time): ${floor.seconds.toFixed(2)} s`);
  console.log(
    `full scan (packages, vulnerabilities, secrets), cold: ${scan.seconds.toFixed(2)} s = ` +
      `${(scan.seconds / floor.seconds).toFixed(2)}x floor (aim <= 2), ${scan.summary}, ` +
      `peak RSS ${scan.rssMiB.toFixed(0)} MiB`,
  );
}

await main();
