import type { Distro, Location, Package, PackageType } from '../catalog/types.js';
import { foreignLocations, foreignSource, foreignType, relativePath } from './foreign.js';
import {
  type DrydockFields,
  isPackageType,
  type Property,
  readDrydockProperties,
} from './properties.js';
import { buildPurl, type PurlFacts, parsePurl } from './purl.js';

/**
 * Turns one component (CycloneDX) or package (SPDX), already reduced to the parts both
 * formats share, into a Package. A document drydock wrote carries `drydock:package:type`
 * and is read from its properties alone, so nothing is guessed and the round trip is
 * exact; any other document is read from its purl and the writer's own properties.
 */
export interface PackageParts {
  name: string;
  version: string;
  purl?: string;
  licenses: string[];
  properties: Property[];
  /** Paths the format names natively (CycloneDX evidence occurrences). */
  paths: string[];
}

export type PackageReadResult = { pkg: Package; warnings: string[] } | { error: string };

export function readPackage(parts: PackageParts, distro: Distro | undefined): PackageReadResult {
  const { fields, errors } = readDrydockProperties(parts.properties);
  const facts = parts.purl ? parsePurl(parts.purl) : undefined;
  if (facts !== undefined && 'error' in facts) return { error: facts.error };

  if (fields.type !== undefined) return ownPackage(parts, fields, errors);

  const type = facts?.type ?? foreignType(parts.properties);
  if (type === undefined) {
    const why = facts ? `unsupported package type ${JSON.stringify(facts.rawType)}` : 'no purl';
    return { error: `${why} for component ${JSON.stringify(parts.name)}` };
  }
  return { pkg: foreignPackage(parts, type, facts, distro), warnings: errors };
}

function ownPackage(parts: PackageParts, fields: DrydockFields, errors: string[]) {
  if (!isPackageType(fields.type)) {
    return { error: `unknown drydock:package:type ${JSON.stringify(fields.type)}` };
  }

  const pkg: Package = {
    name: parts.name,
    version: parts.version,
    type: fields.type,
    purl: parts.purl ?? '',
    licenses: fields.licenses ?? parts.licenses,
    locations: fields.locations ?? [],
  };
  if (fields.source !== undefined) {
    const { name, version } = fields.source;
    if (name !== undefined && version !== undefined) pkg.source = { name, version };
    else errors.push('drydock:source needs both name and version');
  }
  if (fields.arch !== undefined) pkg.arch = fields.arch;
  if (fields.epoch !== undefined) pkg.epoch = fields.epoch;
  if (fields.files !== undefined) pkg.files = fields.files;

  const owner = fields.ownedBy;
  if (owner !== undefined) {
    if (isPackageType(owner.type) && owner.name !== undefined && owner.version !== undefined) {
      pkg.ownedBy = { type: owner.type, name: owner.name, version: owner.version };
    } else errors.push('drydock:ownedBy needs a known type, a name and a version');
  }
  if (fields.metadata !== undefined) pkg.metadata = fields.metadata;
  return { pkg, warnings: errors };
}

function foreignPackage(
  parts: PackageParts,
  type: PackageType,
  facts: PurlFacts | undefined,
  distro: Distro | undefined,
): Package {
  let version = parts.version || facts?.version || '';
  // Package.version reads `epoch:version`; some writers keep the epoch in the purl only.
  if (facts?.epoch !== undefined && facts.epoch > 0 && !version.startsWith(`${facts.epoch}:`)) {
    version = `${facts.epoch}:${version}`;
  }

  const pkg: Package = {
    name: parts.name || facts?.name || '',
    version,
    type,
    purl: parts.purl ?? buildPurl(type, parts.name, version, distro),
    licenses: parts.licenses,
    locations: locationsOf(parts),
  };
  if (facts?.arch !== undefined) pkg.arch = facts.arch;
  if (facts?.epoch !== undefined && facts.epoch > 0) pkg.epoch = facts.epoch;

  const source = sourceOf(parts, facts, version);
  if (source !== undefined) pkg.source = source;
  return pkg;
}

function locationsOf(parts: PackageParts): Location[] {
  const located = foreignLocations(parts.properties);
  if (located.length > 0) return located;
  return parts.paths.filter((p) => p !== '').map((p) => ({ path: relativePath(p) }));
}

/** A source package named without a version is taken to share the binary's version. */
function sourceOf(parts: PackageParts, facts: PurlFacts | undefined, version: string) {
  const named = foreignSource(parts.properties);
  const name = named.name || facts?.upstream?.name;
  if (!name) return undefined;
  return { name, version: named.version ?? facts?.upstream?.version ?? version };
}
