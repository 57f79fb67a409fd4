import type { Package, PackageType } from '../../catalog/types.js';

/**
 * The OSV ecosystem of each language package type (purl type to OSV name, per
 * osv-schema ecosystems.json) and the name the feeds file the package under.
 */
export const LANGUAGE_ECOSYSTEMS: Readonly<Partial<Record<PackageType, string>>> = {
  npm: 'npm',
  pypi: 'PyPI',
  gem: 'RubyGems',
  maven: 'Maven',
  golang: 'Go',
  cargo: 'crates.io',
  composer: 'Packagist',
  nuget: 'NuGet',
};

/** Maven advisories name `groupId:artifactId`; every other ecosystem the package name. */
export function advisoryName(pkg: Package): string {
  if (pkg.type === 'maven' && pkg.metadata?.groupId) return `${pkg.metadata.groupId}:${pkg.name}`;
  return pkg.name;
}

/** Go module versions carry a `v`; the Go vulnerability DB writes them without. */
export function advisoryVersion(pkg: Package): string {
  if (pkg.type === 'golang') return pkg.version.replace(/^v(?=\d)/, '');
  return pkg.version;
}
