import { z } from 'zod';
import type { CatalogValue, FoundPackage } from '../cataloger.js';
import { readJsonFile } from '../parse-json.js';
import { LicenseField, npmLicenses } from './licenses.js';

/**
 * package-lock.json and npm-shrinkwrap.json. Lockfile v1 nests `dependencies` by name;
 * v2 and v3 list `packages` by install path (`node_modules/a/node_modules/b`), where ""
 * is the project itself and `link: true` entries point at workspace folders.
 */
interface V1Dependency {
  version?: string;
  dev?: boolean;
  dependencies?: Record<string, V1Dependency>;
}

const V1Dep: z.ZodType<V1Dependency> = z.lazy(() =>
  z.object({
    version: z.string().optional(),
    dev: z.boolean().optional().catch(undefined),
    dependencies: z.record(z.string(), V1Dep).optional(),
  }),
);

const V2Entry = z.object({
  name: z.string().optional().catch(undefined),
  version: z.string().optional().catch(undefined),
  license: LicenseField,
  dev: z.boolean().optional().catch(undefined),
  link: z.boolean().optional().catch(undefined),
});

const Lockfile = z.object({
  lockfileVersion: z.number().optional().catch(undefined),
  packages: z.record(z.string(), z.unknown()).optional(),
  dependencies: z.record(z.string(), z.unknown()).optional(),
});

export function parsePackageLock(bytes: Buffer, path: string): CatalogValue {
  const lock = readJsonFile(bytes, path, Lockfile, 'not an npm lockfile object');
  if (!lock.ok) return lock.value;

  const value: CatalogValue = { packages: [], problems: [] };
  if (lock.data.packages) addV2(value, lock.data.packages, path);
  else if (lock.data.dependencies) addV1(value, lock.data.dependencies, path);
  return value;
}

function addV2(value: CatalogValue, packages: Record<string, unknown>, path: string): void {
  for (const [installPath, raw] of Object.entries(packages)) {
    if (installPath === '') continue;

    const entry = V2Entry.safeParse(raw);
    if (!entry.success) {
      value.problems.push({ path, message: `entry ${installPath} is not an object` });
      continue;
    }
    if (entry.data.link) continue;

    const name = entry.data.name ?? nameFromInstallPath(installPath);
    if (!name || !entry.data.version) {
      value.problems.push({ path, message: `entry ${installPath} lacks a name or version` });
      continue;
    }
    value.packages.push(lockPackage(name, entry.data.version, entry.data.dev, entry.data.license));
  }
}

function addV1(value: CatalogValue, deps: Record<string, unknown>, path: string): void {
  for (const [name, raw] of Object.entries(deps)) {
    const dep = V1Dep.safeParse(raw);
    if (!dep.success || !dep.data.version) {
      value.problems.push({ path, message: `dependency ${name} lacks a version` });
      continue;
    }

    value.packages.push(lockPackage(name, dep.data.version, dep.data.dev));
    if (dep.data.dependencies) addV1(value, dep.data.dependencies, path);
  }
}

function nameFromInstallPath(installPath: string): string | undefined {
  const at = installPath.lastIndexOf('node_modules/');
  return at < 0 ? undefined : installPath.slice(at + 'node_modules/'.length) || undefined;
}

function lockPackage(
  name: string,
  version: string,
  dev: boolean | undefined,
  license?: z.infer<typeof LicenseField>,
): FoundPackage {
  const pkg: FoundPackage = { name, version, type: 'npm', licenses: npmLicenses(license) };
  if (dev) pkg.metadata = { dev: 'true' };
  return pkg;
}
