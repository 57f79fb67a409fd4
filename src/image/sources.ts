import { stat } from 'node:fs/promises';
import { DrydockError } from '../errors.js';
import { DirectoryStore, TarStore } from './local/blob-store.js';
import { openDockerArchive } from './local/docker-archive.js';
import { openOciLayout } from './local/oci-layout.js';
import { openLocalImage } from './local/resolve.js';
import { registrySource } from './registry/index.js';
import type { OpenedImage, OpenOptions } from './types.js';

/**
 * Every way drydock opens an image, by the transport prefixes skopeo users know. The
 * table is the one place a new source is added.
 */
const TRANSPORTS: Record<
  string,
  (rest: string, ref: string, o: OpenOptions) => Promise<OpenedImage>
> = {
  'docker-archive': openDockerArchivePath,
  'oci-archive': openOciArchivePath,
  oci: openOciDirectory,
  dir: openSkopeoDir,
  docker: (rest, ref, o) =>
    registrySource.open(rest.replace(/^\/\//, ''), o).then((i) => ({ ...i, reference: ref })),
};

export async function openImage(reference: string, options: OpenOptions): Promise<OpenedImage> {
  const colon = reference.indexOf(':');
  const transport = colon > 0 ? reference.slice(0, colon) : '';
  const open = TRANSPORTS[transport];
  if (open && !(transport === 'docker' && !reference.startsWith('docker://'))) {
    return open(reference.slice(colon + 1), reference, options);
  }
  return registrySource.open(reference, options);
}

/** `--input PATH`: an archive or layout on disk whose kind is read from its content. */
export async function openInput(path: string, options: OpenOptions): Promise<OpenedImage> {
  const s = await stat(path).catch((err: unknown) => {
    throw new DrydockError('SOURCE_NOT_FOUND', `cannot read ${path}`, { cause: err });
  });
  if (s.isDirectory()) {
    const dir = new DirectoryStore(path, path);
    if (await dir.has('oci-layout'))
      return openOciLayout(dir, path, 'oci-layout', undefined, options);
    if (await dir.has('manifest.json')) return openSkopeoDir(path, path, options);
    throw new DrydockError(
      'SOURCE_UNSUPPORTED',
      `${path} is neither an OCI layout nor a skopeo dir`,
    );
  }

  const store = await TarStore.open(path, path);
  const names = new Set(store.names());
  if (names.has('oci-layout')) return openOciLayout(store, path, 'oci-archive', undefined, options);
  if (names.has('manifest.json')) return openDockerArchive(store, path, undefined, options);
  await store.close();
  throw new DrydockError(
    'SOURCE_UNSUPPORTED',
    `${path} is neither a docker-archive nor an OCI archive (no manifest.json or oci-layout)`,
  );
}

/** skopeo allows `PATH:REFERENCE`; the suffix only counts when PATH alone exists. */
async function splitSuffix(rest: string): Promise<{ path: string; tag?: string }> {
  if (await exists(rest)) return { path: rest };
  const at = rest.lastIndexOf(':');
  if (at > 0 && (await exists(rest.slice(0, at)))) {
    return { path: rest.slice(0, at), tag: rest.slice(at + 1) };
  }
  throw new DrydockError('SOURCE_NOT_FOUND', `no such file or directory: ${rest}`);
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

async function openDockerArchivePath(
  rest: string,
  ref: string,
  o: OpenOptions,
): Promise<OpenedImage> {
  const { path, tag } = await splitSuffix(rest);
  return openDockerArchive(await TarStore.open(path, path), ref, tag, o);
}

async function openOciArchivePath(rest: string, ref: string, o: OpenOptions): Promise<OpenedImage> {
  const { path, tag } = await splitSuffix(rest);
  return openOciLayout(await TarStore.open(path, path), ref, 'oci-archive', tag, o);
}

async function openOciDirectory(rest: string, ref: string, o: OpenOptions): Promise<OpenedImage> {
  const { path, tag } = await splitSuffix(rest);
  return openOciLayout(new DirectoryStore(path, path), ref, 'oci-layout', tag, o);
}

/** skopeo's `dir:` format: manifest.json plus blobs named by their hex digest. */
async function openSkopeoDir(path: string, ref: string, o: OpenOptions): Promise<OpenedImage> {
  const store = new DirectoryStore(path, path);
  const bytes = await store.read('manifest.json', o.maxManifestBytes);
  return openLocalImage({
    reference: ref,
    source: 'dir',
    store,
    blobName: (digest) => digest.slice(digest.indexOf(':') + 1),
    top: { bytes },
    repoTags: [],
    options: o,
  });
}
