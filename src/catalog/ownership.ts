import type { ConsumerResult } from '../layer/types.js';
import type { CatalogValue, OsPackageFacts } from './cataloger.js';
import { OS_PACKAGE_TYPES, type Package } from './types.js';

/**
 * Joins dpkg's separate files (`info/*.list`, `status.d/*.md5sums`, copyright) to the
 * deb packages they describe, by package name and, for multi-arch lists, architecture.
 */
export function applyDpkgFacts(packages: Package[], results: ConsumerResult<CatalogValue>[]) {
  const debs = packages.filter((pkg) => pkg.type === 'deb');
  const facts: OsPackageFacts[] = results.flatMap((r) => r.value.facts ?? []);

  for (const fact of facts) {
    const targets = debs.filter(
      (pkg) => pkg.name === fact.package && (!fact.arch || !pkg.arch || fact.arch === pkg.arch),
    );
    for (const pkg of targets) {
      if (fact.files) pkg.files = [...new Set([...(pkg.files ?? []), ...fact.files])];
      if (fact.licenses) pkg.licenses = [...new Set([...pkg.licenses, ...fact.licenses])];
    }
  }
}

/**
 * Marks a language package as owned by the OS package whose file list holds the file
 * that declares it, so matching judges it by the distro's data. Since the /usr merge, dpkg
 * may list `/lib/...` for a file found at `usr/lib/...`, so both spellings are indexed.
 */
export function markOwnedPackages(packages: Package[]): void {
  const owners = new Map<string, Package>();
  for (const pkg of packages) {
    if (!OS_PACKAGE_TYPES.has(pkg.type)) continue;
    for (const file of pkg.files ?? []) {
      owners.set(file, pkg);
      if (/^(?:bin|sbin|lib\d*)\//.test(file)) owners.set(`usr/${file}`, pkg);
    }
  }
  if (owners.size === 0) return;

  for (const pkg of packages) {
    if (OS_PACKAGE_TYPES.has(pkg.type)) continue;
    const owner = pkg.locations.map((l) => owners.get(l.path)).find((o) => o !== undefined);
    if (owner) pkg.ownedBy = { type: owner.type, name: owner.name, version: owner.version };
  }
}
