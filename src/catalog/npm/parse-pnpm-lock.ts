import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type CatalogValue, decodeText, type FoundPackage } from '../cataloger.js';

/**
 * pnpm-lock.yaml. Its `packages` keys changed form across lockfile versions: 5.x
 * `/name/1.0.0_peer@2`, 6.x `/name@1.0.0(peer@2)`, 9.x `name@1.0.0`. Entries that name
 * themselves (tarball and git dependencies) carry `name` and `version` fields.
 */
const Lock = z.object({
  lockfileVersion: z.union([z.string(), z.number()]).optional(),
  packages: z.record(z.string(), z.unknown()).nullish(),
});

const Entry = z
  .object({
    name: z.string().optional().catch(undefined),
    version: z.string().optional().catch(undefined),
    dev: z.boolean().optional().catch(undefined),
  })
  .catch({});

export function parsePnpmLock(bytes: Buffer, path: string): CatalogValue {
  let doc: unknown;
  try {
    doc = parseYaml(decodeText(bytes), { maxAliasCount: 100 });
  } catch (err) {
    return {
      packages: [],
      problems: [{ path, message: `invalid yaml: ${(err as Error).message}` }],
    };
  }

  const lock = Lock.safeParse(doc);
  if (!lock.success) return { packages: [], problems: [{ path, message: 'not a pnpm lockfile' }] };

  const value: CatalogValue = { packages: [], problems: [] };
  const seen = new Set<string>();
  for (const [key, raw] of Object.entries(lock.data.packages ?? {})) {
    const entry = Entry.parse(raw);
    const fromKey = parsePnpmKey(key);
    const name = entry.name ?? fromKey?.name;
    const version = entry.version ?? fromKey?.version;
    if (!name || !version) {
      value.problems.push({ path, message: `package key ${key} has no name and version` });
      continue;
    }

    if (seen.has(`${name}@${version}`)) continue;
    seen.add(`${name}@${version}`);
    const pkg: FoundPackage = { name, version, type: 'npm', licenses: [] };
    if (entry.dev) pkg.metadata = { dev: 'true' };
    value.packages.push(pkg);
  }
  return value;
}

export function parsePnpmKey(key: string): { name: string; version: string } | undefined {
  const bare = key.replace(/^\//, '').replace(/\(.*$/, '');

  // 5.x: `name/version` or `@scope/name/version`, peers appended after `_`.
  const slash = bare.lastIndexOf('/');
  const last = bare.slice(slash + 1);
  if (slash > 0 && /^\d+\.\d+/.test(last)) {
    return { name: bare.slice(0, slash), version: last.replace(/_.*$/, '') };
  }

  // 6.x and 9.x: the version follows the last `@` that is not the scope's.
  const at = bare.lastIndexOf('@');
  if (at <= 0) return undefined;
  return { name: bare.slice(0, at), version: bare.slice(at + 1) };
}
