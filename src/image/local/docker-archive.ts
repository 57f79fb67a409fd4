import { z } from 'zod';
import { DrydockError } from '../../errors.js';
import { digestOf, isDigest } from '../digest.js';
import { configSchema, layersOf, normaliseConfig, parseJson } from '../manifest.js';
import type { Descriptor, OpenedImage, OpenOptions } from '../types.js';
import type { TarStore } from './blob-store.js';

/** `docker save` / `skopeo copy docker-archive:` manifest.json: one entry per image. */
const archiveManifestSchema = z.array(
  z.object({
    Config: z.string(),
    RepoTags: z.array(z.string()).nullish(),
    Layers: z.array(z.string()),
  }),
);

/**
 * A docker-archive tar. Its manifest.json names files, not blob digests, so the layers'
 * integrity rests on the diff-ids in the config, which the walk verifies on every layer;
 * the config itself is checked against its content address where the name carries one.
 */
export async function openDockerArchive(
  store: TarStore,
  reference: string,
  wantTag: string | undefined,
  options: OpenOptions,
): Promise<OpenedImage> {
  const where = store.describe;
  const entries = parseJson(
    await store.read('manifest.json', options.maxManifestBytes),
    archiveManifestSchema,
    `manifest.json in ${where}`,
  );
  const entry = wantTag
    ? entries.find((e) => e.RepoTags?.some((t) => t === wantTag || t.endsWith(`/${wantTag}`)))
    : entries[0];
  if (!entry) {
    throw new DrydockError('SOURCE_NOT_FOUND', `${where} has no image ${wantTag ?? ''}`.trim());
  }
  if (!wantTag && entries.length > 1) {
    const tags = entries.flatMap((e) => e.RepoTags ?? []).join(', ');
    throw new DrydockError('USAGE', `${where} holds ${entries.length} images; name one (${tags})`);
  }

  const configBytes = await store.read(clean(entry.Config), options.maxManifestBytes);
  const configDigest = digestOf(configBytes);
  const named = contentAddress(entry.Config);
  if (named && named !== configDigest) {
    throw new DrydockError(
      'BLOB_DIGEST_MISMATCH',
      `config ${entry.Config} in ${where} does not match its name`,
    );
  }
  const config = normaliseConfig(parseJson(configBytes, configSchema, `config in ${where}`));

  const layerNames = entry.Layers.map(clean);
  const descriptors: Descriptor[] = await Promise.all(
    layerNames.map(async (name, i) => ({
      mediaType: 'application/vnd.docker.image.rootfs.diff.tar',
      digest: config.rootfs.diff_ids[i] ?? '',
      size: await store.size(name),
    })),
  );
  const layers = layersOf(descriptors, config, where).map((l) => ({ ...l, verifyBlob: false }));
  const byDiffId = new Map(layers.map((l, i) => [l.diffId, layerNames[i]!]));

  return {
    reference,
    source: 'docker-archive',
    manifestDigest: configDigest,
    repoDigests: [],
    repoTags: entry.RepoTags ?? [],
    platform: {
      os: config.os ?? 'linux',
      architecture: config.architecture ?? 'amd64',
      ...(config.variant ? { variant: config.variant } : {}),
    },
    configDigest,
    config,
    layers,
    openBlob: async (desc) => {
      const name = byDiffId.get(desc.digest);
      if (!name) throw new DrydockError('BLOB_MISSING', `${where} has no layer ${desc.digest}`);
      return store.stream(name);
    },
    close: () => store.close(),
  };
}

function clean(name: string): string {
  return name.replace(/^(\.\/)+/, '');
}

/** Newer archives name files blobs/sha256/<hex>; older ones <hex>.json. */
function contentAddress(name: string): string | undefined {
  const m = /(?:^|\/)(?:blobs\/sha256\/)?([a-f0-9]{64})(?:\.json)?$/.exec(name);
  const digest = m ? `sha256:${m[1]}` : undefined;
  return digest && isDigest(digest) ? digest : undefined;
}
