/**
 * The inventory model: what is installed in a target. Catalogers produce packages, the
 * SBOM writers and readers translate it, and matching stands on it, so a field that is
 * wrong here is a finding that is wrong later.
 */
export type PackageType =
  | 'deb'
  | 'apk'
  | 'rpm'
  | 'npm'
  | 'pypi'
  | 'gem'
  | 'maven'
  | 'golang'
  | 'cargo'
  | 'composer'
  | 'nuget';

export const OS_PACKAGE_TYPES: ReadonlySet<PackageType> = new Set(['deb', 'apk', 'rpm']);

/** Where a package was found: the file that declares it and the layer that wrote that file. */
export interface Location {
  path: string;
  /** Layer index (0 = base); absent for filesystem and SBOM targets. */
  layer?: number;
  diffId?: string;
}

export interface Package {
  name: string;
  version: string;
  type: PackageType;
  /**
   * Package URL per the purl spec, e.g.
   * pkg:deb/debian/bash@5.2.15-2?arch=amd64&distro=debian-12
   */
  purl: string;
  /** Source package (dpkg Source, apk origin, rpm source rpm) and its version. */
  source?: { name: string; version: string };
  arch?: string;
  /** rpm/dpkg epoch when one is set; `version` then reads `epoch:version`. */
  epoch?: number;
  /** Declared licenses as written by the package (normalised later by the license scanner). */
  licenses: string[];
  locations: Location[];
  /** Files an OS package installed (dpkg .list, apk R: lines, rpm file lists). */
  files?: string[];
  /** Set on a language package whose files belong to an OS package. */
  ownedBy?: { type: PackageType; name: string; version: string };
  /** Ecosystem details that have no common field (Go version, Maven groupId, ...). */
  metadata?: Record<string, string>;
}

/** The distribution, from /etc/os-release and its fallbacks. */
export interface Distro {
  /** os-release ID, lower case: debian, ubuntu, alpine, rhel, almalinux, rocky, wolfi ... */
  id: string;
  versionId?: string;
  codename?: string;
  prettyName?: string;
  idLike?: string[];
}

/** A per-file problem a cataloger met and stepped over. */
export interface CatalogProblem {
  cataloger: string;
  path: string;
  layer?: number;
  message: string;
}

export interface Inventory {
  distro?: Distro;
  packages: Package[];
  problems: CatalogProblem[];
}
