import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { scanImage } from '../src/scan/scan.js';
import { debianFixture } from '../test/helpers/debian-fixture.js';
import { BENCH_DIR } from './fixtures/big-image.js';
import { inChild, inflateFloor, printResult } from './fixtures/floor.js';

/**
 * Inventory benchmark: the real Debian 12 image the inventory acceptance test builds,
 * catalogued cold (empty cache) and warm (every layer cached), against the floor: Node's
 * zlib inflating the same layers, measured in the same run, each in its own process.
 * Run: npx tsx bench/inventory.ts
 */
type Mode = 'floor' | 'cold' | 'warm';
const CACHE = join(BENCH_DIR, 'inventory-cache');

async function layerBlobs(layout: string): Promise<string[]> {
  const blob = (d: string) => join(layout, 'blobs', 'sha256', d.slice(7));
  const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8'));
  const manifest = JSON.parse(await readFile(blob(index.manifests[0].digest), 'utf8'));
  return manifest.layers.map((l: { digest: string }) => blob(l.digest));
}

async function measure(mode: Mode): Promise<void> {
  const fixture = await debianFixture();
  const start = process.hrtime.bigint();
  let packages = 0;
  if (mode === 'floor') {
    await inflateFloor(await layerBlobs(fixture.layout), 2);
  } else {
    const { report } = await scanImage({
      reference: `oci:${fixture.layout}:${fixture.tag}`,
      cacheDir: CACHE,
    });
    packages = report.inventory.packages.length;
  }
  printResult(start, { packages });
}

function child(mode: Mode): { seconds: number; packages: number; rssMiB: number } {
  return inChild(import.meta.filename, mode);
}

async function main(): Promise<void> {
  const mode = process.argv[2] as Mode | undefined;
  if (mode) return measure(mode);

  await debianFixture();
  await rm(CACHE, { recursive: true, force: true });
  const floor = child('floor');
  const cold = child('cold');
  const warm = child('warm');
  console.log(
    `floor (zlib inflate of the image's layers, two at a time): ${floor.seconds.toFixed(2)} s`,
  );
  console.log(
    `cold inventory: ${cold.seconds.toFixed(2)} s = ${(cold.seconds / floor.seconds).toFixed(2)}x floor, ` +
      `${cold.packages} packages, peak RSS ${cold.rssMiB.toFixed(0)} MiB`,
  );
  console.log(
    `warm inventory: ${warm.seconds.toFixed(3)} s = ${(warm.seconds / floor.seconds).toFixed(2)}x floor, ` +
      `peak RSS ${warm.rssMiB.toFixed(0)} MiB (aim: cold <= 1.5x floor, warm <= 0.3 s)`,
  );
}

await main();
