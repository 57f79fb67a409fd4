import type { Location, Package, PackageType } from '../catalog/types.js';

/**
 * The `drydock:` name-value pairs that carry what neither CycloneDX nor SPDX has a field
 * for. CycloneDX writes them as component properties, SPDX as package annotations; both
 * readers parse them back here, which is what makes the round trip lossless. Names are
 * part of the documented output: renaming one breaks reading older documents.
 */
export interface Property {
  name: string;
  value: string;
}

export const PREFIX = 'drydock:';

/** Fields read back from the pairs; absent when the document did not carry them. */
export interface DrydockFields {
  type?: string;
  arch?: string;
  epoch?: number;
  source?: { name?: string; version?: string };
  locations?: Location[];
  ownedBy?: { type?: string; name?: string; version?: string };
  metadata?: Record<string, string>;
  files?: string[];
  licenses?: string[];
}

export interface WriteFields {
  files: boolean;
  licenses: boolean;
}

export function packageProperties(pkg: Package, fields: WriteFields): Property[] {
  const out: Property[] = [{ name: 'drydock:package:type', value: pkg.type }];
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined) out.push({ name: PREFIX + name, value: String(value) });
  };

  add('arch', pkg.arch);
  add('epoch', pkg.epoch);
  add('source:name', pkg.source?.name);
  add('source:version', pkg.source?.version);
  pkg.locations.forEach((loc, i) => {
    add(`location:${i}:path`, loc.path);
    add(`location:${i}:layer`, loc.layer);
    add(`location:${i}:diffId`, loc.diffId);
  });

  // The layer of origin is the first location's; readers that know no locations use it.
  add('layer:index', pkg.locations[0]?.layer);
  add('layer:diffId', pkg.locations[0]?.diffId);
  add('ownedBy:type', pkg.ownedBy?.type);
  add('ownedBy:name', pkg.ownedBy?.name);
  add('ownedBy:version', pkg.ownedBy?.version);
  for (const key of Object.keys(pkg.metadata ?? {}).sort())
    add(`metadata:${key}`, pkg.metadata?.[key]);

  if (fields.licenses) for (const license of pkg.licenses) add('license', license);
  if (fields.files && pkg.files !== undefined) {
    add('files:count', pkg.files.length);
    for (const file of pkg.files) add('file', file);
  }
  return out;
}

const LOCATION = /^drydock:location:(\d{1,6}):(path|layer|diffId)$/;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function parseLayer(value: string): number | undefined {
  return /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

/** Parses the `drydock:` pairs; a malformed one is named in `errors` and skipped. */
export function readDrydockProperties(props: readonly Property[]): {
  fields: DrydockFields;
  errors: string[];
} {
  const fields: DrydockFields = {};
  const errors: string[] = [];
  const locations = new Map<number, Partial<Location>>();

  for (const { name, value } of props) {
    if (!name.startsWith(PREFIX)) continue;

    const loc = LOCATION.exec(name);
    if (loc !== null) {
      const entry = locations.get(Number(loc[1])) ?? {};
      locations.set(Number(loc[1]), entry);
      if (loc[2] === 'path') entry.path = value;
      if (loc[2] === 'diffId') entry.diffId = value;
      if (loc[2] === 'layer') {
        const layer = parseLayer(value);
        if (layer === undefined) errors.push(`${name}: not a layer index: ${value}`);
        else entry.layer = layer;
      }
      continue;
    }

    const error = applyScalar(fields, name.slice(PREFIX.length), value);
    if (error !== undefined) errors.push(`${name}: ${error}`);
  }

  if (locations.size > 0) fields.locations = collectLocations(locations, errors);
  return { fields, errors };
}

function collectLocations(byIndex: Map<number, Partial<Location>>, errors: string[]): Location[] {
  const out: Location[] = [];
  for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
    const entry = byIndex.get(index)!;
    if (entry.path === undefined) {
      errors.push(`drydock:location:${index}: has no path`);
      continue;
    }
    const loc: Location = { path: entry.path };
    if (entry.layer !== undefined) loc.layer = entry.layer;
    if (entry.diffId !== undefined) loc.diffId = entry.diffId;
    out.push(loc);
  }
  return out;
}

/** Returns a reason when the pair is malformed. */
function applyScalar(fields: DrydockFields, key: string, value: string): string | undefined {
  switch (key) {
    case 'package:type':
      fields.type = value;
      return;
    case 'arch':
      fields.arch = value;
      return;
    case 'epoch':
      if (!/^\d{1,9}$/.test(value)) return `not an epoch: ${value}`;
      fields.epoch = Number(value);
      return;
    case 'source:name':
    case 'source:version':
      fields.source = { ...fields.source, [key.slice(7)]: value };
      return;
    case 'ownedBy:type':
    case 'ownedBy:name':
    case 'ownedBy:version':
      fields.ownedBy = { ...fields.ownedBy, [key.slice(8)]: value };
      return;
    case 'license':
      fields.licenses = fields.licenses ?? [];
      fields.licenses.push(value);
      return;
    case 'files:count':
      fields.files = fields.files ?? [];
      return;
    case 'file':
      fields.files = fields.files ?? [];
      fields.files.push(value);
      return;
  }
  return applyMetadata(fields, key, value);
}

function applyMetadata(fields: DrydockFields, key: string, value: string): string | undefined {
  if (!key.startsWith('metadata:')) return;

  const name = key.slice('metadata:'.length);
  if (name === '' || UNSAFE_KEYS.has(name)) return `unsafe metadata key: ${JSON.stringify(name)}`;
  fields.metadata = { ...fields.metadata, [name]: value };
}

export const PACKAGE_TYPES: readonly PackageType[] = [
  'deb',
  'apk',
  'rpm',
  'npm',
  'pypi',
  'gem',
  'maven',
  'golang',
  'cargo',
  'composer',
  'nuget',
];

export function isPackageType(value: string | undefined): value is PackageType {
  return value !== undefined && (PACKAGE_TYPES as readonly string[]).includes(value);
}
