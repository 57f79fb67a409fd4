import { z } from 'zod';
import { DrydockError } from '../../errors.js';
import { indexSchema, parseJson } from '../manifest.js';
import type { Descriptor, OpenedImage, OpenOptions, SourceKind } from '../types.js';
import type { FileStore } from './blob-store.js';
import { ociBlobName, openLocalImage } from './resolve.js';

const REF_NAME = 'org.opencontainers.image.ref.name';
const CONTAINERD_NAME = 'io.containerd.image.name';

const layoutSchema = z.object({ imageLayoutVersion: z.string() });

/**
 * An OCI image layout (image-layout.md), from a directory or an archive of one. `tag`
 * picks the index.json entry whose ref.name annotation matches; without one, the layout
 * must hold exactly one entry or one index.
 */
export async function openOciLayout(
  store: FileStore,
  reference: string,
  source: SourceKind,
  tag: string | undefined,
  options: OpenOptions,
): Promise<OpenedImage> {
  const where = store.describe;
  if (!(await store.has('oci-layout'))) {
    throw new DrydockError(
      'SOURCE_UNSUPPORTED',
      `${where} is not an OCI layout (no oci-layout file)`,
    );
  }
  parseJson(await store.read('oci-layout', 4096), layoutSchema, `oci-layout in ${where}`);

  const indexBytes = await store.read('index.json', options.maxManifestBytes);
  const index = parseJson(indexBytes, indexSchema, `index.json in ${where}`);
  const entries = index.manifests as Descriptor[];
  const chosen = pick(entries, tag, where);

  const top = chosen
    ? {
        bytes: await store.read(ociBlobName(chosen.digest), options.maxManifestBytes),
        digest: chosen.digest,
      }
    : { bytes: indexBytes };
  const name = chosen?.annotations?.[REF_NAME];
  return openLocalImage({
    reference,
    source,
    store,
    blobName: ociBlobName,
    top,
    repoTags: name ? [name] : [],
    options,
  });
}

/** Undefined means "treat index.json itself as the index to select a platform from". */
function pick(
  entries: Descriptor[],
  tag: string | undefined,
  where: string,
): Descriptor | undefined {
  if (tag) {
    const found = entries.find((e) => {
      const ref = e.annotations?.[REF_NAME];
      const full = e.annotations?.[CONTAINERD_NAME];
      return ref === tag || full === tag || full?.endsWith(`:${tag}`);
    });
    if (!found) throw new DrydockError('SOURCE_NOT_FOUND', `${where} has no image tagged ${tag}`);
    return found;
  }
  if (entries.length === 1) return entries[0];
  if (entries.length === 0) throw new DrydockError('SOURCE_NOT_FOUND', `${where} holds no images`);

  const tags = entries.map((e) => e.annotations?.[REF_NAME]).filter(Boolean);
  if (tags.length > 0) {
    throw new DrydockError(
      'USAGE',
      `${where} holds ${entries.length} images; name one with :TAG (tags: ${tags.join(', ')})`,
    );
  }
  return undefined;
}
