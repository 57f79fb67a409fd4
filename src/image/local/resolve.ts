import { DrydockError } from '../../errors.js';
import { assertDigest, digestOf, parseDigest } from '../digest.js';
import {
  configSchema,
  indexSchema,
  isIndex,
  layersOf,
  manifestSchema,
  normaliseConfig,
  parseJson,
} from '../manifest.js';
import { selectManifest } from '../platform.js';
import type { Descriptor, OpenedImage, OpenOptions, Platform, SourceKind } from '../types.js';
import type { FileStore } from './blob-store.js';

/** How a local format names blobs: OCI layouts use blobs/<alg>/<hex>, skopeo's dir uses <hex>. */
export type BlobNamer = (digest: string) => string;

export const ociBlobName: BlobNamer = (digest) => `blobs/${digest.replace(':', '/')}`;

interface TopDocument {
  bytes: Buffer;
  /** Known digest of `bytes` (from an index.json descriptor), verified before use. */
  digest?: string;
}

export interface LocalImageSpec {
  reference: string;
  source: SourceKind;
  store: FileStore;
  blobName: BlobNamer;
  top: TopDocument;
  repoTags: string[];
  options: OpenOptions;
}

/**
 * Turns a local image's top document (a manifest, or an index to choose from) into an
 * OpenedImage. Every document read is checked against the digest that named it.
 */
export async function openLocalImage(spec: LocalImageSpec): Promise<OpenedImage> {
  const { store, blobName, options } = spec;
  const where = store.describe;
  let bytes = spec.top.bytes;
  if (spec.top.digest) assertDigest(bytes, spec.top.digest, `manifest in ${where}`);
  let manifestDigest = spec.top.digest ?? digestOf(bytes);
  let indexDigest: string | undefined;

  for (let depth = 0; isIndex(undefined, safeJson(bytes)); depth++) {
    if (depth > 3) throw new DrydockError('MANIFEST_INVALID', `${where}: indexes nest too deep`);
    const index = parseJson(bytes, indexSchema, `image index in ${where}`);
    const chosen = selectManifest(index.manifests as Descriptor[], options.platform, where);
    indexDigest ??= manifestDigest;
    bytes = await readVerified(store, blobName, chosen, options.maxManifestBytes, 'manifest');
    manifestDigest = chosen.digest;
  }

  const manifest = parseJson(bytes, manifestSchema, `manifest ${manifestDigest} in ${where}`);
  const configDigest = parseDigest(manifest.config.digest, 'config descriptor');
  const configBytes = await readVerified(
    store,
    blobName,
    manifest.config,
    options.maxManifestBytes,
    'config',
  );
  const config = normaliseConfig(
    parseJson(configBytes, configSchema, `config ${configDigest} in ${where}`),
  );
  const platform: Platform = {
    os: config.os ?? options.platform.os,
    architecture: config.architecture ?? options.platform.architecture,
    ...(config.variant ? { variant: config.variant } : {}),
  };

  return {
    reference: spec.reference,
    source: spec.source,
    manifestDigest,
    indexDigest,
    repoDigests: [],
    repoTags: spec.repoTags,
    platform,
    configDigest,
    config,
    layers: layersOf(manifest.layers as Descriptor[], config, where),
    openBlob: async (desc) => store.stream(blobName(parseDigest(desc.digest, 'layer descriptor'))),
    close: () => store.close(),
  };
}

async function readVerified(
  store: FileStore,
  blobName: BlobNamer,
  desc: Pick<Descriptor, 'digest' | 'size'>,
  max: number,
  what: string,
): Promise<Buffer> {
  const digest = parseDigest(desc.digest, `${what} descriptor`);
  const bytes = await store.read(blobName(digest), Math.min(max, desc.size || max));
  assertDigest(bytes, digest, `${what} blob in ${store.describe}`);
  return bytes;
}

function safeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
