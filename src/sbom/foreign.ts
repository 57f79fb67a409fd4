import type { Location, PackageType } from '../catalog/types.js';
import type { Property } from './properties.js';

/**
 * What other scanners' documents carry about a package in their own property names, read
 * when a document has no `drydock:` properties. Syft and Trivy are the two whose output is
 * most often fed back in; anything else is read from its purl alone.
 */
const SYFT_TYPES: Record<string, PackageType> = {
  deb: 'deb',
  apk: 'apk',
  rpm: 'rpm',
  npm: 'npm',
  python: 'pypi',
  gem: 'gem',
  'java-archive': 'maven',
  'go-module': 'golang',
  'rust-crate': 'cargo',
  'php-composer': 'composer',
  dotnet: 'nuget',
};

const TRIVY_TYPES: Record<string, PackageType> = {
  debian: 'deb',
  ubuntu: 'deb',
  alpine: 'apk',
  wolfi: 'apk',
  chainguard: 'apk',
  redhat: 'rpm',
  centos: 'rpm',
  rocky: 'rpm',
  alma: 'rpm',
  amazon: 'rpm',
  fedora: 'rpm',
  oracle: 'rpm',
  'node-pkg': 'npm',
  npm: 'npm',
  'python-pkg': 'pypi',
  pip: 'pypi',
  gemspec: 'gem',
  jar: 'maven',
  pom: 'maven',
  gobinary: 'golang',
  gomod: 'golang',
  'rust-binary': 'cargo',
  cargo: 'cargo',
  composer: 'composer',
  'dotnet-core': 'nuget',
  nuget: 'nuget',
};

function lookup(table: Record<string, PackageType>, key: string | undefined) {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

export function propertyValue(props: readonly Property[], name: string): string | undefined {
  return props.find((p) => p.name === name)?.value;
}

export function foreignType(props: readonly Property[]): PackageType | undefined {
  return (
    lookup(SYFT_TYPES, propertyValue(props, 'syft:package:type')) ??
    lookup(TRIVY_TYPES, propertyValue(props, 'aquasecurity:trivy:PkgType'))
  );
}

export function foreignSource(props: readonly Property[]): { name: string; version?: string } {
  const name =
    propertyValue(props, 'aquasecurity:trivy:SrcName') ??
    propertyValue(props, 'syft:metadata:source');
  const version =
    propertyValue(props, 'aquasecurity:trivy:SrcVersion') ??
    propertyValue(props, 'syft:metadata:sourceVersion');

  if (name === undefined || name === '') return { name: '' };
  return version ? { name, version } : { name };
}

/** Paths are stored without a leading slash, as the layer walk names files. */
export function relativePath(path: string): string {
  return path.replace(/^\/+/, '');
}

export function foreignLocations(props: readonly Property[]): Location[] {
  const syft = new Map<number, Location>();
  for (const { name, value } of props) {
    const m = /^syft:location:(\d{1,6}):(path|layerID)$/.exec(name);
    if (m === null) continue;

    const entry = syft.get(Number(m[1])) ?? { path: '' };
    if (m[2] === 'path') entry.path = relativePath(value);
    else entry.diffId = value;
    syft.set(Number(m[1]), entry);
  }
  const fromSyft = [...syft.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, loc]) => loc)
    .filter((loc) => loc.path !== '');
  if (fromSyft.length > 0) return fromSyft;

  const path = propertyValue(props, 'aquasecurity:trivy:FilePath');
  const diffId = propertyValue(props, 'aquasecurity:trivy:LayerDiffID');
  if (path === undefined || path === '') return [];
  return [diffId ? { path: relativePath(path), diffId } : { path: relativePath(path) }];
}
