import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { DEFAULT_PLATFORM } from '../src/image/platform.js';
import { openImage } from '../src/image/sources.js';
import { walkImage } from '../src/layer/index.js';
import { collectSecretFindings, secretConsumer } from '../src/secret/index.js';
import { BENCH_DIR, bigImage } from './fixtures/big-image.js';

/**
 * Secret scan benchmark: the secret consumer over every file of a >= 1 GiB image, cold
 * (no layer cache), as a ratio to the floor measured in the same run (Node's zlib
 * inflating the same layers, two at a time as the walk does). Each measurement runs in
 * its own process. Run: npx tsx bench/secret-scan.ts
 */
type Mode = 'floor' | 'secrets' | 'walk-only';

async function inflate(path: string): Promise<void> {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  await pipeline(createReadStream(path, { highWaterMark: 256 * 1024 }), createGunzip(), sink);
}

async function measure(mode: Mode): Promise<void> {
  const image = await bigImage();
  const start = process.hrtime.bigint();
  let findings = 0;
  if (mode === 'floor') {
    const queue = [...image.blobs];
    const worker = async () => {
      for (let b = queue.shift(); b; b = queue.shift()) await inflate(b);
    };
    await Promise.all([worker(), worker()]);
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
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ seconds, rssMiB, findings }));
}

function child(mode: Mode): { seconds: number; rssMiB: number; findings: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, mode], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out) as { seconds: number; rssMiB: number; findings: number };
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
