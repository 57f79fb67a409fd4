import { DEFAULT_PLATFORM } from '../src/image/platform.js';
import { openImage } from '../src/image/sources.js';
import { walkImage } from '../src/layer/index.js';
import { collectSecretFindings, secretConsumer } from '../src/secret/index.js';
import { BENCH_DIR, bigImage } from './fixtures/big-image.js';
import { inChild, inflateFloor, printResult } from './fixtures/floor.js';

/**
 * Secret scan benchmark: the secret consumer over every file of a >= 1 GiB image, cold
 * (no layer cache), as a ratio to the floor measured in the same run (Node's zlib
 * inflating the same layers, two at a time as the walk does). Each measurement runs in
 * its own process. Run: npx tsx bench/secret-scan.ts
 */
type Mode = 'floor' | 'secrets' | 'walk-only';

async function measure(mode: Mode): Promise<void> {
  const image = await bigImage();
  const start = process.hrtime.bigint();
  let findings = 0;
  if (mode === 'floor') {
    await inflateFloor(image.blobs, 2);
  } else {
    const opened = await openImage(`oci:${image.layout}:bench`, {
      platform: DEFAULT_PLATFORM,
      insecure: false,
      cacheDir: `${BENCH_DIR}/secret-cache`,
      maxManifestBytes: 1 << 22,
    });
    const consumers = mode === 'secrets' ? [secretConsumer()] : [];
    const walk = await walkImage(opened, consumers);
    findings = collectSecretFindings(walk, opened).length;
  }
  printResult(start, { findings });
}

function child(mode: Mode): { seconds: number; rssMiB: number; findings: number } {
  return inChild(import.meta.filename, mode);
}

async function main(): Promise<void> {
  const mode = process.argv[2] as Mode | undefined;
  if (mode) return measure(mode);

  const image = await bigImage();
  const floor = child('floor');
  const walkOnly = child('walk-only');
  const secrets = child('secrets');

  const gib = (n: number) => (n / 1024 ** 3).toFixed(2);
  const ratio = (s: number) => (s / floor.seconds).toFixed(2);
  console.log(`image: ${image.blobs.length} layers, ${gib(image.inflatedBytes)} GiB inflated`);
  console.log(`floor (zlib inflate, two layers at a time): ${floor.seconds.toFixed(2)} s`);
  console.log(`walk, no consumer: ${walkOnly.seconds.toFixed(2)} s = ${ratio(walkOnly.seconds)}x`);
  console.log(
    `secret scan, cold: ${secrets.seconds.toFixed(2)} s = ${ratio(secrets.seconds)}x floor, ` +
      `${secrets.findings} findings, peak RSS ${secrets.rssMiB.toFixed(0)} MiB`,
  );
}

await main();
