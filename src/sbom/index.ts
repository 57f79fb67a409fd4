import type { Inventory } from '../catalog/types.js';
import { renderCycloneDx } from './cyclonedx/write.js';
import { renderInventoryJson } from './inventory-json.js';
import { renderSpdx } from './spdx/write.js';
import { renderTable } from './table.js';
import type { Renderer, RenderOptions, SbomFormat, Target } from './types.js';

/**
 * The SBOM formats drydock writes, listed explicitly: the CLI offers exactly these as
 * `--format` choices, and a new format is added here and nowhere else.
 */
export const RENDERERS: readonly Renderer[] = [
  { format: 'cyclonedx', render: renderCycloneDx },
  { format: 'spdx-json', render: renderSpdx },
  { format: 'json', render: renderInventoryJson },
  { format: 'table', render: renderTable },
];

export const FORMATS: readonly SbomFormat[] = RENDERERS.map((r) => r.format);

export function isSbomFormat(value: string): value is SbomFormat {
  return (FORMATS as readonly string[]).includes(value);
}

export function renderInventory(
  format: SbomFormat,
  inventory: Inventory,
  target: Target,
  options: RenderOptions,
): string {
  const renderer = RENDERERS.find((r) => r.format === format)!;
  return renderer.render(inventory, target, options);
}

export { sortInventory } from './canonical.js';
export { INVENTORY_SCHEMA_VERSION, inventoryDocumentSchema } from './inventory-json.js';
export { MAX_SBOM_BYTES, readSbom } from './read.js';
export type {
  RenderOptions,
  SbomDocumentKind,
  SbomFormat,
  SbomReadResult,
  Target,
} from './types.js';
export { SBOM_FORMATS } from './types.js';
