import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DrydockError, errorMessage } from '../../errors.js';
import { log } from '../../log.js';
import type { Credentials } from './types.js';

/** The parts of docker's config.json (docker/cli, configfile/file.go) that hold credentials. */
const authEntrySchema = z
  .object({
    auth: z.string().optional(),
    username: z.string().optional(),
    password: z.string().optional(),
    identitytoken: z.string().optional(),
  })
  .passthrough();

const configSchema = z
  .object({
    auths: z.record(z.string(), authEntrySchema).optional(),
    credHelpers: z.record(z.string(), z.string()).optional(),
    credsStore: z.string().optional(),
  })
  .passthrough();

export type DockerConfig = z.infer<typeof configSchema>;
type AuthEntry = z.infer<typeof authEntrySchema>;

/** Where docker looks: an explicit file, else $DOCKER_CONFIG/config.json, else ~/.docker. */
export function configPath(
  authFile: string | undefined,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (authFile) return authFile;
  if (env.DOCKER_CONFIG) return path.join(env.DOCKER_CONFIG, 'config.json');
  if (env.HOME) return path.join(env.HOME, '.docker', 'config.json');
  return undefined;
}

/**
 * Reads a config file. A missing default file means "no credentials"; a missing file the
 * user named, or one that is not valid, is an error the user must fix.
 */
export async function readDockerConfig(file: string, explicit: boolean): Promise<DockerConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && !explicit) return {};
    throw new DrydockError(
      'CREDENTIALS',
      `cannot read docker config ${file}: ${errorMessage(err)}`,
      {
        cause: err,
      },
    );
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DrydockError('CREDENTIALS', `docker config ${file} is not valid JSON`, {
      cause: err,
    });
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '(root)';
    throw new DrydockError('CREDENTIALS', `docker config ${file} is invalid at ${where}`);
  }
  return parsed.data;
}

/** The Hub is stored under its legacy v1 URL (`https://index.docker.io/v1/`) and aliases. */
const HUB_KEYS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** `https://ghcr.io/v1/` -> `ghcr.io`; the Hub's aliases all become `docker.io`. */
export function normaliseRegistryKey(key: string): string {
  const host = key
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split('/')[0]!
    .toLowerCase();
  return HUB_KEYS.has(host) ? 'docker.io' : host;
}

/** The key a config uses for `registry`, exact names first, as docker's GetAuthConfig does. */
export function findKey(keys: string[], registry: string): string | undefined {
  if (keys.includes(registry)) return registry;
  const want = normaliseRegistryKey(registry);
  return keys.find((k) => normaliseRegistryKey(k) === want);
}

/** Decodes one `auths` entry; entries without secrets (left by a credsStore) give undefined. */
export function credentialsFromEntry(entry: AuthEntry, where: string): Credentials | undefined {
  if (entry.identitytoken)
    return { kind: 'identity-token', token: entry.identitytoken, from: where };
  if (entry.username && entry.password) {
    return { kind: 'basic', username: entry.username, password: entry.password, from: where };
  }
  if (!entry.auth) return undefined;

  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) {
    log().warn({ where }, 'docker config auth entry is not base64 of user:password, ignored');
    return undefined;
  }
  return {
    kind: 'basic',
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    from: where,
  };
}
