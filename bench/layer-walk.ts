import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LayerCache } from '../src/cache/layer-cache.js';
import { DEFAULT_PLATFORM } from '../src/image/platform.js';
import { openImage } from '../src/image/sources.js';
import { walkImage } from '../src/layer/index.js';
import type { Consumer } from '../src/layer/types.js';
import { BENCH_DIR, bigImage } from './fixtures/big-image.js';
import { inChild, inflateFloor, printResult } from './fixtures/floor.js';

/**
 * Layer walk benchmark: cold and warm walks of a >= 1 GiB image as ratios to the floor,
 * Node's own zlib inflating the same layers in the same run. Each measurement runs in its
 * own process so its peak RSS is its own. Run: npx tsx bench/layer-walk.ts
 */
type Mode = 'floor' | 'floor-parallel' | 'cold' | 'warm';

const CACHE = join(BENCH_DIR, 'walk-cache');

const sampleConsumer: Consumer<number> = {
  name: 'bench-sample',
  version: 1,
  patterns: ['**/*.conf', '**/copyright', 'etc/os-release'],
  maxFileSize: 1 << 20,
  extract: (bytes) => bytes.length,
};

async function measure(mode: Mode): Promise<void> {
  const image = await bigImage();
  const start = process.hrtime.bigint();
  if (mode === 'floor') {
    await inflateFloor(image.blobs, 1);
  } else if (mode === 'floor-parallel') {
    await inflateFloor(image.blobs, 2);
  } else {
    const opened = await openImage(`oci:${image.layout}:bench`, {
      platform: DEFAULT_PLATFORM,
      insecure: false,
      cacheDir: CACHE,
      maxManifestBytes: 1 << 22,
    });
    await walkImage(opened, [sampleConsumer], { cache: new LayerCache(CACHE) });
  }
  printResult(start, { mode });
}

function child(mode: Mode): { seconds: number; rssMiB: number } {
  return inChild(import.meta.filename, mode);
}

async function main(): Promise<void> {
  const mode = process.argv[2] as Mode | undefined;
  if (mode) return measure(mode);

  const image = await bigImage();
  await rm(CACHE, { recursive: true, force: true });
  const floor = child('floor');
  const floorParallel = child('floor-parallel');
  const cold = child('cold');
  const warm = child('warm');

  const gib = (n: number) => (n / 1024 ** 3).toFixed(2);
  console.log(
    `image: ${image.blobs.length} layers, ${gib(image.inflatedBytes)} GiB inflated, ${gib(image.compressedBytes)} GiB compressed`,
  );
  console.log(`floor (zlib inflate, one layer at a time): ${floor.seconds.toFixed(2)} s`);
  console.log(`floor (zlib inflate, two layers at a time): ${floorParallel.seconds.toFixed(2)} s`);
  console.log(
    `cold walk: ${cold.seconds.toFixed(2)} s = ${(cold.seconds / floor.seconds).toFixed(2)}x floor, ${(cold.seconds / floorParallel.seconds).toFixed(2)}x parallel floor, peak RSS ${cold.rssMiB.toFixed(0)} MiB`,
  );
  console.log(
    `warm walk: ${warm.seconds.toFixed(3)} s = ${(warm.seconds / floor.seconds).toFixed(3)}x floor, peak RSS ${warm.rssMiB.toFixed(0)} MiB`,
  );
}

await main();
