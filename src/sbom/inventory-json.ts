import { z } from 'zod';
import type { Inventory } from '../catalog/types.js';
import { DrydockError } from '../errors.js';
import { isoSeconds, sortInventory } from './canonical.js';
import { describeIssues } from './cyclonedx/schema.js';
import { PACKAGE_TYPES } from './properties.js';
import type { RenderOptions, SbomReadResult, Target } from './types.js';

/**
 * drydock's own inventory JSON, `--format json`. The zod schema below is the definition;
 * docs/inventory-json.md describes it for people. `schemaVersion` is bumped on any change
 * a reader could notice: a new major for removals and renames, a new minor for additions.
 */
export const INVENTORY_SCHEMA_VERSION = '1.1';

const text = z.string().max(1_000_000);
const packageType = z.enum(PACKAGE_TYPES as [string, ...string[]]);

const locationSchema = z.strictObject({
  path: text,
  layer: z.number().int().nonnegative().optional(),
  diffId: text.optional(),
});

const packageSchema = z.strictObject({
  name: text,
  version: text,
  type: packageType,
  purl: text,
  source: z.strictObject({ name: text, version: text }).optional(),
  arch: text.optional(),
  epoch: z.number().int().nonnegative().optional(),
  licenses: z.array(text),
  locations: z.array(locationSchema),
  files: z.array(text).optional(),
  ownedBy: z.strictObject({ type: packageType, name: text, version: text }).optional(),
  metadata: z.record(text, text).optional(),
});

const distroSchema = z.strictObject({
  id: text,
  versionId: text.optional(),
  codename: text.optional(),
  prettyName: text.optional(),
  idLike: z.array(text).optional(),
});

const problemSchema = z.strictObject({
  cataloger: text,
  path: text,
  layer: z.number().int().nonnegative().optional(),
  message: text,
});

const layerSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  digest: text,
  diffId: text,
  size: z.number().int().nonnegative(),
  createdBy: text.optional(),
});

const diagnosticSchema = z.strictObject({
  code: text,
  message: text,
  layer: z.number().int().nonnegative().optional(),
  path: text.optional(),
});

export const inventoryDocumentSchema = z.strictObject({
  schemaVersion: z.string().regex(/^1\.\d+$/),
  generator: z.strictObject({ name: z.literal('drydock'), version: text }),
  timestamp: text,
  target: z.strictObject({
    kind: z.enum(['image', 'filesystem', 'sbom']),
    name: text,
    digest: text.optional(),
    platform: text.optional(),
  }),
  distro: distroSchema.optional(),
  packages: z.array(packageSchema),
  problems: z.array(problemSchema),
  /** Since 1.1: the image's layers and the walk's diagnostics. */
  layers: z.array(layerSchema).optional(),
  diagnostics: z.array(diagnosticSchema).optional(),
});

export type InventoryDocument = z.infer<typeof inventoryDocumentSchema>;

export function renderInventoryJson(
  inv: Inventory,
  target: Target,
  options: RenderOptions,
): string {
  const inventory = sortInventory(inv);
  const files = options.includeFiles ?? true;
  const doc = {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    generator: { name: 'drydock', version: options.toolVersion },
    timestamp: isoSeconds(options.timestamp),
    target,
    ...(inventory.distro !== undefined ? { distro: inventory.distro } : {}),
    packages: files ? inventory.packages : inventory.packages.map(({ files: _, ...pkg }) => pkg),
    problems: inventory.problems,
    ...(options.walk ? { layers: options.walk.layers, diagnostics: options.walk.diagnostics } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Reads the document back. Unlike the foreign formats this one is drydock's own contract,
 * so a document that breaks it is rejected whole rather than read in part.
 */
export function readInventoryJson(raw: unknown, path: string): SbomReadResult {
  const parsed = inventoryDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const why = describeIssues(parsed.error);
    throw new DrydockError('SBOM_INVALID', `invalid drydock inventory ${path}: ${why}`);
  }

  const { distro, packages, problems, target, schemaVersion } = parsed.data;
  const inventory = sortInventory({
    ...(distro !== undefined ? { distro } : {}),
    packages: packages as Inventory['packages'],
    problems,
  });
  return { kind: 'drydock-json', specVersion: schemaVersion, target, inventory };
}
