import { DrydockError } from '../../errors.js';
import { log } from '../../log.js';
import {
  configPath,
  credentialsFromEntry,
  type DockerConfig,
  findKey,
  normaliseRegistryKey,
  readDockerConfig,
} from './config-file.js';
import { findHelper, runHelper } from './helper.js';
import type { CredentialOptions, Credentials } from './types.js';

export type { CredentialOptions, Credentials } from './types.js';

/** Credential helpers key the Hub by its legacy URL, everything else by host. */
function helperServer(registry: string): string {
  return normaliseRegistryKey(registry) === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
}

async function fromHelper(
  name: string,
  registry: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | undefined> {
  const program = findHelper(name, env);
  if (!program) {
    log().debug({ helper: name, registry }, 'credential helper not on PATH, skipped');
    return undefined;
  }
  return runHelper(program, helperServer(registry), env);
}

function fromAuths(config: DockerConfig, registry: string, file: string) {
  const auths = config.auths ?? {};
  const key = findKey(Object.keys(auths), registry);
  if (key === undefined) return undefined;
  return credentialsFromEntry(auths[key]!, `${file} (${key})`);
}

/**
 * Finds credentials for `registry` the way docker does: explicit options first, then a
 * per-registry `credHelpers` entry, then the `credsStore`, then the `auths` entries.
 * Returns undefined when nothing applies, so the pull goes on anonymously.
 */
export async function resolveCredentials(
  registry: string,
  options: CredentialOptions,
): Promise<Credentials | undefined> {
  if ((options.username === undefined) !== (options.password === undefined)) {
    throw new DrydockError('USAGE', 'a registry username and password must be given together');
  }
  if (options.username !== undefined && options.password !== undefined) {
    return {
      kind: 'basic',
      username: options.username,
      password: options.password,
      from: 'options',
    };
  }

  const env = options.env ?? process.env;
  const file = configPath(options.authFile, env);
  if (!file) return undefined;
  const config = await readDockerConfig(file, options.authFile !== undefined);

  const helpers = config.credHelpers ?? {};
  const helperKey = findKey(Object.keys(helpers), registry);
  if (helperKey !== undefined) {
    const found = await fromHelper(helpers[helperKey]!, registry, env);
    if (found) return found;
  }

  if (config.credsStore) {
    const found = await fromHelper(config.credsStore, registry, env);
    if (found) return found;
  }
  return fromAuths(config, registry, file);
}
