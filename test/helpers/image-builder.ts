import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { compress as zstdCompress } from 'zstd-napi';

/** Builds real image layers, OCI layouts and docker-archives in tests, from code. */
export interface EntrySpec {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  content?: string | Buffer;
  mode?: number;
  linkname?: string;
}

export interface BuiltLayer {
  tar: Buffer;
  blob: Buffer;
  diffId: string;
  digest: string;
  mediaType: string;
}

export type Compression = 'gzip' | 'zstd' | 'none';

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export async function tarOf(entries: EntrySpec[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((resolve, reject) => {
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  for (const e of entries) {
    const content = typeof e.content === 'string' ? Buffer.from(e.content) : e.content;
    const header = {
      name: e.name,
      type: e.type ?? 'file',
      mode: e.mode ?? (e.type === 'directory' ? 0o755 : 0o644),
      linkname: e.linkname,
      mtime: new Date(0),
    };
    if (e.type === 'file' || e.type === undefined) pack.entry(header, content ?? Buffer.alloc(0));
    else pack.entry(header);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export function layerFromTar(tarBytes: Buffer, compression: Compression = 'gzip'): BuiltLayer {
  const blob =
    compression === 'gzip'
      ? gzipSync(tarBytes)
      : compression === 'zstd'
        ? zstdCompress(tarBytes)
        : tarBytes;
  const suffix = compression === 'gzip' ? '+gzip' : compression === 'zstd' ? '+zstd' : '';
  return {
    tar: tarBytes,
    blob,
    diffId: sha256(tarBytes),
    digest: sha256(blob),
    mediaType: `application/vnd.oci.image.layer.v1.tar${suffix}`,
  };
}

export async function buildLayer(
  entries: EntrySpec[],
  compression: Compression = 'gzip',
): Promise<BuiltLayer> {
  return layerFromTar(await tarOf(entries), compression);
}

export interface ImageSpec {
  layers: BuiltLayer[];
  architecture?: string;
  os?: string;
  variant?: string;
  config?: Record<string, unknown>;
  history?: Array<{ created_by?: string; empty_layer?: boolean }>;
  /** Overrides the diff-ids written into the config (to craft a wrong one). */
  diffIds?: string[];
}

export interface BuiltImage {
  manifest: Buffer;
  manifestDigest: string;
  config: Buffer;
  configDigest: string;
  spec: ImageSpec;
}

export function buildImage(spec: ImageSpec): BuiltImage {
  const config = Buffer.from(
    JSON.stringify({
      architecture: spec.architecture ?? 'amd64',
      os: spec.os ?? 'linux',
      ...(spec.variant ? { variant: spec.variant } : {}),
      config: spec.config ?? {},
      rootfs: { type: 'layers', diff_ids: spec.diffIds ?? spec.layers.map((l) => l.diffId) },
      history: spec.history ?? spec.layers.map((_, i) => ({ created_by: `step ${i}` })),
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.length,
      },
      layers: spec.layers.map((l) => ({
        mediaType: l.mediaType,
        digest: l.digest,
        size: l.blob.length,
      })),
    }),
  );
  return { manifest, manifestDigest: sha256(manifest), config, configDigest: sha256(config), spec };
}

async function writeBlob(dir: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  await writeFile(join(dir, 'blobs', 'sha256', digest.slice(7)), bytes);
  return digest;
}

/** Writes an OCI image layout; with `asIndex` the images sit behind one nested index. */
export async function writeOciLayout(
  dir: string,
  images: Array<{ image: BuiltImage; tag?: string }>,
  asIndex = false,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const descriptors = [];
  for (const { image, tag } of images) {
    for (const l of image.spec.layers) await writeBlob(dir, l.blob);
    await writeBlob(dir, image.config);
    await writeBlob(dir, image.manifest);
    descriptors.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: image.manifestDigest,
      size: image.manifest.length,
      platform: {
        os: image.spec.os ?? 'linux',
        architecture: image.spec.architecture ?? 'amd64',
        ...(image.spec.variant ? { variant: image.spec.variant } : {}),
      },
      ...(tag && !asIndex ? { annotations: { 'org.opencontainers.image.ref.name': tag } } : {}),
    });
  }

  let top = descriptors;
  if (asIndex) {
    const nested = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: descriptors,
      }),
    );
    const digest = await writeBlob(dir, nested);
    top = [
      {
        mediaType: 'application/vnd.oci.image.index.v1+json',
        digest,
        size: nested.length,
        annotations: { 'org.opencontainers.image.ref.name': images[0]?.tag ?? 'latest' },
      } as never,
    ];
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: top }));
}

/** Writes a docker-archive tar the way `docker save` lays it out (uncompressed layers). */
export async function writeDockerArchive(
  path: string,
  image: BuiltImage,
  tags: string[],
): Promise<void> {
  const entries: EntrySpec[] = [];
  const layerNames = image.spec.layers.map((_, i) => `layer${i}/layer.tar`);
  for (const [i, l] of image.spec.layers.entries())
    entries.push({ name: layerNames[i]!, content: l.tar });
  const configName = `${image.configDigest.slice(7)}.json`;
  entries.push({ name: configName, content: image.config });
  entries.push({
    name: 'manifest.json',
    content: JSON.stringify([{ Config: configName, RepoTags: tags, Layers: layerNames }]),
  });
  await writeFile(path, await tarOf(entries));
}
