import { Agent } from 'undici';
import { DrydockError } from '../../errors.js';
import { resolveCredentials } from '../credentials/index.js';
import { assertDigest, digestOf, parseDigest } from '../digest.js';
import {
  configSchema,
  indexSchema,
  isIndex,
  layersOf,
  MANIFEST_ACCEPT,
  manifestSchema,
  normaliseConfig,
  parseJson,
} from '../manifest.js';
import { selectManifest } from '../platform.js';
import type {
  Descriptor,
  ImageConfig,
  ImageSource,
  OpenedImage,
  OpenOptions,
  Platform,
} from '../types.js';
import { TokenCache } from './auth.js';
import { type FetchedManifest, RegistryClient } from './client.js';
import { formatReference, parseReference, type RegistryReference } from './reference.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';

export interface RegistrySourceSettings {
  retry: RetryPolicy;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  connectTimeoutMs: number;
  /** Environment for credential lookup (DOCKER_CONFIG, HOME, PATH). */
  env?: NodeJS.ProcessEnv;
}

type Settings = RegistrySourceSettings & { cache: TokenCache };

const DEFAULTS: RegistrySourceSettings = {
  retry: DEFAULT_RETRY,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 60_000,
  connectTimeoutMs: 15_000,
};

/** Schema 1 manifests (and their signed form) predate content addressing of configs. */
const SCHEMA1 = new Set([
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
]);

/**
 * Verifies manifest bytes: against the digest the user pulled by, which MUST hold, and
 * against Docker-Content-Digest when the registry sent one. Returns the manifest digest.
 */
function verifyManifest(fetched: FetchedManifest, expected: string | undefined, what: string) {
  if (expected) assertDigest(fetched.bytes, expected, what);

  const claimed = fetched.digestHeader?.trim();
  if (claimed)
    assertDigest(fetched.bytes, parseDigest(claimed, `${what} Docker-Content-Digest`), what);

  if (expected) return expected;
  if (claimed) return claimed;
  return digestOf(fetched.bytes);
}

function rawJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new DrydockError('MANIFEST_INVALID', `${what} is not valid JSON`, { cause: err });
  }
}

function rejectSchema1(fetched: FetchedManifest, raw: unknown, what: string): void {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (SCHEMA1.has(fetched.mediaType ?? '') || version === 1) {
    throw new DrydockError(
      'SOURCE_UNSUPPORTED',
      `${what} uses docker image manifest schema 1, which drydock does not read; ` +
        'push the image again with a current docker or skopeo to convert it',
    );
  }
}

interface Resolved {
  fetched: FetchedManifest;
  digest: string;
  indexDigest?: string;
  platform?: Platform;
}

async function resolveManifest(
  client: RegistryClient,
  ref: RegistryReference,
  options: OpenOptions,
): Promise<Resolved> {
  const where = formatReference(ref);
  const top = await client.manifest(ref.selector, MANIFEST_ACCEPT, options.maxManifestBytes);
  const topDigest = verifyManifest(top, ref.digest, `manifest of ${where}`);
  const raw = rawJson(top.bytes, `manifest of ${where}`);
  rejectSchema1(top, raw, `manifest of ${where}`);
  if (!isIndex(top.mediaType, raw)) return { fetched: top, digest: topDigest };

  const index = parseJson(top.bytes, indexSchema, `index of ${where}`);
  const chosen = selectManifest(index.manifests, options.platform, where);
  const what = `manifest ${chosen.digest} of ${where}`;
  const max = Math.min(options.maxManifestBytes, chosen.size);
  const fetched = await client.manifest(chosen.digest, MANIFEST_ACCEPT, max);
  const digest = verifyManifest(fetched, chosen.digest, what);
  rejectSchema1(fetched, rawJson(fetched.bytes, what), what);

  return { fetched, digest, indexDigest: topDigest, platform: chosen.platform };
}

async function readConfig(client: RegistryClient, desc: Descriptor, max: number, where: string) {
  const what = `config of ${where}`;
  const bytes = await client.blobBytes(desc.digest, Math.min(max, desc.size), what);
  assertDigest(bytes, desc.digest, what);
  return normaliseConfig(parseJson(bytes, configSchema, what));
}

function clientFor(ref: RegistryReference, options: OpenOptions, settings: Settings) {
  const dispatcher = new Agent({ connect: { timeout: settings.connectTimeoutMs } });
  const http = { dispatcher, ...settings, signal: options.signal };
  const env = settings.env ?? process.env;

  // Credentials are looked up on the first challenge only, so anonymous pulls never run
  // a credential helper.
  const credentials = () => resolveCredentials(ref.registry, { ...options, env });
  const client = new RegistryClient(ref, {
    insecure: options.insecure,
    http,
    retry: settings.retry,
    cache: settings.cache,
    credentials,
  });
  return { client, dispatcher };
}

async function openWith(
  reference: string,
  options: OpenOptions,
  settings: Settings,
): Promise<OpenedImage> {
  const ref = parseReference(reference);
  const where = formatReference(ref);
  const { client, dispatcher } = clientFor(ref, options, settings);

  try {
    const resolved = await resolveManifest(client, ref, options);
    const manifest = parseJson(resolved.fetched.bytes, manifestSchema, `manifest of ${where}`);
    const config = await readConfig(client, manifest.config, options.maxManifestBytes, where);

    return {
      reference,
      source: 'registry',
      manifestDigest: resolved.digest,
      indexDigest: resolved.indexDigest,
      repoDigests: [`${ref.name}@${resolved.indexDigest ?? resolved.digest}`],
      repoTags: ref.tag ? [`${ref.name}:${ref.tag}`] : [],
      platform: platformOf(resolved.platform, config, options.platform),
      configDigest: manifest.config.digest,
      config,
      layers: layersOf(manifest.layers, config, where),
      openBlob: (desc) => client.openBlob(parseDigest(desc.digest, 'blob'), desc.size),
      close: () => dispatcher.close(),
    };
  } catch (err) {
    await dispatcher.close();
    throw err;
  }
}

function platformOf(
  chosen: Platform | undefined,
  config: ImageConfig,
  fallback: Platform,
): Platform {
  if (chosen) return chosen;
  if (!config.os || !config.architecture) return fallback;
  return config.variant
    ? { os: config.os, architecture: config.architecture, variant: config.variant }
    : { os: config.os, architecture: config.architecture };
}

/** A registry source with its own settings; tests use it for short timeouts and retries. */
export function createRegistrySource(settings: Partial<RegistrySourceSettings> = {}): ImageSource {
  const merged: Settings = { ...DEFAULTS, ...settings, cache: new TokenCache() };
  return {
    kind: 'registry',
    open: (reference, options) => openWith(reference, options, merged),
  };
}

export const registrySource: ImageSource = createRegistrySource();
