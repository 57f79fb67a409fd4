import { describe, expect, it } from 'vitest';
import {
  INVENTORY_SCHEMA_VERSION,
  inventoryDocumentSchema,
  readInventoryJson,
  renderInventoryJson,
} from '../../src/sbom/inventory-json.js';
import { fullInventory, IMAGE, OPTIONS } from './fixtures.js';

describe('inventory json', () => {
  it('writes a document that its own published schema accepts', () => {
    const doc = JSON.parse(renderInventoryJson(fullInventory(), IMAGE, OPTIONS));

    expect(inventoryDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({
      schemaVersion: INVENTORY_SCHEMA_VERSION,
      generator: { name: 'drydock', version: '0.1.0' },
      timestamp: '2024-05-01T12:00:00Z',
      target: IMAGE,
    });
  });

  it('leaves file lists out when asked', () => {
    const text = renderInventoryJson(fullInventory(), IMAGE, { ...OPTIONS, includeFiles: false });

    expect(text).not.toContain('libgcc_s.so.1');
    expect(text).toContain('"locations"');
  });

  const rejected: [string, (doc: Record<string, unknown>) => void][] = [
    ['a newer major schema version', (d) => Object.assign(d, { schemaVersion: '2.0' })],
    [
      'an unknown package type',
      (d) => Object.assign((d.packages as object[])[0]!, { type: 'zip' }),
    ],
    ['a negative layer', (d) => Object.assign((d.problems as object[])[0]!, { layer: -1 })],
    ['an unknown top-level field', (d) => Object.assign(d, { extra: true })],
  ];

  it.each(rejected)('rejects %s with SBOM_INVALID', (_, mutate) => {
    const doc = JSON.parse(renderInventoryJson(fullInventory(), IMAGE, OPTIONS));
    mutate(doc);

    expect(() => readInventoryJson(doc, 'inv.json')).toThrow(/invalid drydock inventory inv\.json/);
  });

  it('drops a __proto__ metadata key without touching prototypes', () => {
    const text = renderInventoryJson(fullInventory(), IMAGE, OPTIONS).replace(
      '"integrity": "sha512-abc"',
      '"__proto__": "polluted"',
    );
    const read = readInventoryJson(JSON.parse(text), 'inv.json');
    const metadata = read.inventory.packages.find((p) => p.name === 'express')!.metadata!;

    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(Object.keys(metadata)).toEqual(['resolved']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
