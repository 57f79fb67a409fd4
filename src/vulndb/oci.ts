import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { DrydockError, errorMessage, isDrydockError } from '../errors.js';
import { parseReference, type RegistryReference } from '../image/registry/reference.js';
import { log } from '../log.js';
import { RegistrySession } from './oci-auth.js';
import { VulnDb } from './reader.js';
import { SCHEMA_VERSION } from './schema.js';

/**
 * The DB as an OCI artifact (image-spec 1.1 "artifact" guidance): an empty config, one
 * gzip layer holding the SQLite file, and an `artifactType` naming it, so any registry
 * stores and mirrors it like an image. Pull verifies the blob digest and the schema
 * version before the file replaces the local DB.
 */
export const ARTIFACT_TYPE = 'application/vnd.drydock.vulndb.v1';
export const LAYER_MEDIA_TYPE = 'application/vnd.drydock.vulndb.layer.v1.sqlite+gzip';
const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const EMPTY_MEDIA_TYPE = 'application/vnd.oci.empty.v1+json';
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_DB_BYTES = 4 * 1024 * 1024 * 1024;

export interface RegistryOptions {
  /** Plain HTTP; also used for localhost and 127.0.0.1 without asking. */
  insecure?: boolean;
  username?: string;
  password?: string;
}

const manifestSchema = z.object({
  schemaVersion: z.literal(2),
  artifactType: z.string().optional(),
  layers: z.array(
    z.object({ mediaType: z.string(), digest: z.string(), size: z.number().int().nonnegative() }),
  ),
});

export async function pushDb(
  dbPath: string,
  refText: string,
  opts: RegistryOptions = {},
): Promise<string> {
  const ref = parseReference(refText);
  const layer = gzipSync(await readFile(dbPath));
  const config = Buffer.from('{}');
  const session = new RegistrySession(ref, opts);
  try {
    return await pushWith(session, ref, refText, layer, config, opts);
  } finally {
    await session.close();
  }
}

async function pushWith(
  session: RegistrySession,
  ref: RegistryReference,
  refText: string,
  layer: Buffer,
  config: Buffer,
  opts: RegistryOptions,
): Promise<string> {
  const layerDigest = await uploadBlob(session, ref, layer, opts);
  const configDigest = await uploadBlob(session, ref, config, opts);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_MEDIA_TYPE,
      artifactType: ARTIFACT_TYPE,
      config: { mediaType: EMPTY_MEDIA_TYPE, digest: configDigest, size: config.length },
      layers: [
        {
          mediaType: LAYER_MEDIA_TYPE,
          digest: layerDigest,
          size: layer.length,
          annotations: { 'org.opencontainers.image.title': 'vulndb.sqlite.gz' },
        },
      ],
      annotations: { 'dev.drydock.vulndb.schema-version': String(SCHEMA_VERSION) },
    }),
  );

  const res = await call(session, ref, `manifests/${ref.tag ?? 'latest'}`, opts, {
    method: 'PUT',
    headers: { 'content-type': MANIFEST_MEDIA_TYPE },
    body: manifest,
  });
  await expectStatus(res, [201], `push of ${refText}`);
  log().info({ ref: refText, bytes: layer.length }, 'vulnerability db pushed');
  return digestOf(manifest);
}

/** Pulls from `refs` in order (the first, then each mirror) into `dbPath`. */
export async function pullDb(
  refs: string[],
  dbPath: string,
  opts: RegistryOptions = {},
): Promise<string> {
  const failures: string[] = [];

  for (const refText of refs) {
    try {
      await pullOne(refText, dbPath, opts);
      return refText;
    } catch (err) {
      log().warn({ ref: refText, reason: errorMessage(err) }, 'vulnerability db pull failed');
      failures.push(`${refText}: ${errorMessage(err)}`);
    }
  }
  throw new DrydockError(
    'REGISTRY_HTTP',
    `no mirror served the vulnerability db (${failures.join('; ')})`,
  );
}

async function pullOne(refText: string, dbPath: string, opts: RegistryOptions): Promise<void> {
  const ref = parseReference(refText);
  const session = new RegistrySession(ref, opts);
  try {
    await pullWith(session, ref, refText, dbPath, opts);
  } finally {
    await session.close();
  }
}

async function pullWith(
  session: RegistrySession,
  ref: RegistryReference,
  refText: string,
  dbPath: string,
  opts: RegistryOptions,
): Promise<void> {
  const res = await call(session, ref, `manifests/${ref.digest ?? ref.tag ?? 'latest'}`, opts, {
    headers: { accept: MANIFEST_MEDIA_TYPE },
  });
  await expectStatus(res, [200], `manifest of ${refText}`);

  const manifest = manifestSchema.safeParse(
    JSON.parse((await limited(res, MAX_MANIFEST_BYTES)).toString('utf8')),
  );
  const layer = manifest.success
    ? manifest.data.layers.find((l) => l.mediaType === LAYER_MEDIA_TYPE)
    : undefined;
  if (!layer)
    throw new DrydockError(
      'MANIFEST_INVALID',
      `${refText} is not a drydock vulnerability db artifact`,
    );

  const blobRes = await call(session, ref, `blobs/${layer.digest}`, opts, {});
  await expectStatus(blobRes, [200], `db blob of ${refText}`);
  const blob = await limited(blobRes, Math.min(layer.size, MAX_DB_BYTES));
  if (digestOf(blob) !== layer.digest) {
    throw new DrydockError(
      'BLOB_DIGEST_MISMATCH',
      `db blob of ${refText} does not match ${layer.digest}`,
    );
  }

  const scratch = `${dbPath}.pulling-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(scratch, gunzipSync(blob, { maxOutputLength: MAX_DB_BYTES }));
    new VulnDb(scratch).close();
    await rename(scratch, dbPath);
  } finally {
    await rm(scratch, { force: true });
  }
}

async function uploadBlob(
  session: RegistrySession,
  ref: RegistryReference,
  body: Buffer,
  opts: RegistryOptions,
): Promise<string> {
  const digest = digestOf(body);
  const head = await call(session, ref, `blobs/${digest}`, opts, { method: 'HEAD' });
  if (head.status === 200) return digest;

  const start = await call(session, ref, 'blobs/uploads/', opts, { method: 'POST' });
  await expectStatus(start, [202], `upload to ${ref.name}`);
  const location = start.headers.get('location');
  if (!location)
    throw new DrydockError('REGISTRY_PROTOCOL', `registry ${ref.registry} gave no upload location`);

  const url = new URL(location, baseUrl(ref, opts));
  url.searchParams.set('digest', digest);
  const put = await session.fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body,
  });
  await expectStatus(put, [201], `upload of ${digest} to ${ref.name}`);
  return digest;
}

function baseUrl(ref: RegistryReference, opts: RegistryOptions): string {
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(ref.apiHost);
  return `${opts.insecure || local ? 'http' : 'https'}://${ref.apiHost}`;
}

async function call(
  session: RegistrySession,
  ref: RegistryReference,
  path: string,
  opts: RegistryOptions,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer },
): Promise<Response> {
  const url = `${baseUrl(ref, opts)}/v2/${ref.repository}/${path}`;
  log().info({ url, method: init.method ?? 'GET' }, 'registry request');
  return session.fetch(url, init).catch((err: unknown) => {
    if (isDrydockError(err)) throw err;
    throw new DrydockError('NETWORK', `registry ${ref.registry} unreachable`, { cause: err });
  });
}

async function expectStatus(res: Response, ok: number[], what: string): Promise<void> {
  if (ok.includes(res.status)) return;
  const code = res.status === 401 || res.status === 403 ? 'REGISTRY_AUTH' : 'REGISTRY_HTTP';
  await res.body?.cancel();
  throw new DrydockError(code, `${what} failed with http ${res.status}`);
}

async function limited(res: Response, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body ?? []) {
    total += (chunk as Uint8Array).length;
    if (total > max)
      throw new DrydockError('BLOB_TOO_LARGE', `registry answer exceeds ${max} bytes`);
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

function digestOf(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}
