import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';

/**
 * Real OCI layouts from real directory trees, for fixtures too big to build in memory:
 * GNU tar writes each layer (sorted, numeric owners), Node's gzip compresses it, and both
 * digests are taken as the bytes stream to disk.
 */
export interface TarredLayer {
  digest: string;
  diffId: string;
  /** Compressed size. */
  size: number;
  tarSize: number;
}

export async function tarLayer(layout: string, tarArgs: string[]): Promise<TarredLayer> {
  await mkdir(join(layout, 'blobs', 'sha256'), { recursive: true });
  const temp = join(layout, 'blobs', `layer-${process.pid}.tmp`);
  const tar = spawn('tar', ['--sort=name', '--numeric-owner', '-cf', '-', ...tarArgs], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const diff = createHash('sha256');
  const blob = createHash('sha256');
  let tarSize = 0;
  const gzip = createGzip();
  tar.stdout.on('data', (c: Buffer) => {
    diff.update(c);
    tarSize += c.length;
  });
  gzip.on('data', (c: Buffer) => blob.update(c));
  const out = createWriteStream(temp);
  tar.stdout.pipe(gzip).pipe(out);
  await new Promise<void>((ok, fail) => {
    out.on('finish', () => ok());
    out.on('error', fail);
  });

  const digest = `sha256:${blob.digest('hex')}`;
  const path = join(layout, 'blobs', 'sha256', digest.slice(7));
  await rename(temp, path);
  const { size } = await stat(path);
  return { digest, diffId: `sha256:${diff.digest('hex')}`, size, tarSize };
}

export interface LayoutImage {
  layers: TarredLayer[];
  config?: Record<string, unknown>;
  history: Array<{ created_by: string; empty_layer?: boolean }>;
  tag: string;
}

/** Writes config, manifest, index.json and oci-layout around layers already in `layout`. */
export async function writeImageLayout(layout: string, image: LayoutImage): Promise<void> {
  const put = async (bytes: Buffer): Promise<{ digest: string; size: number }> => {
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    await writeFile(join(layout, 'blobs', 'sha256', digest.slice(7)), bytes);
    return { digest, size: bytes.length };
  };
  const config = await put(
    Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        config: image.config ?? {},
        rootfs: { type: 'layers', diff_ids: image.layers.map((l) => l.diffId) },
        history: image.history,
      }),
    ),
  );
  const manifest = await put(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: image.layers.map((l) => ({
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: l.digest,
          size: l.size,
        })),
      }),
    ),
  );
  const ref = { 'org.opencontainers.image.ref.name': image.tag };
  const entry = { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest };
  await writeFile(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  await writeFile(
    join(layout, 'index.json'),
    JSON.stringify({ schemaVersion: 2, manifests: [{ ...entry, annotations: ref }] }),
  );
}
