import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/catalog/types.js';
import { isDrydockError } from '../../src/errors.js';
import { renderInventory, type SbomFormat, sortInventory } from '../../src/sbom/index.js';
import { readSbom } from '../../src/sbom/read.js';
import { fullInventory, IMAGE, OPTIONS } from './fixtures.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function roundTrip(format: SbomFormat, inventory: Inventory) {
  return readSbom(bytes(renderInventory(format, inventory, IMAGE, OPTIONS)), 'sbom.json');
}

describe('readSbom round trip through drydock output', () => {
  const formats: [SbomFormat, string][] = [
    ['cyclonedx', 'cyclonedx'],
    ['spdx-json', 'spdx'],
    ['json', 'drydock-json'],
  ];

  it.each(formats)('%s gives back the inventory and target unchanged', (format, kind) => {
    const result = roundTrip(format, fullInventory());

    expect(result.kind).toBe(kind);
    expect(result.inventory).toStrictEqual(fullInventory());
    expect(result.target).toStrictEqual(IMAGE);
  });

  it.each(formats)('%s returns canonical order for an unsorted inventory', (format) => {
    const shuffled = fullInventory();
    shuffled.packages.reverse();
    shuffled.problems.reverse();

    expect(roundTrip(format, shuffled).inventory).toStrictEqual(sortInventory(shuffled));
  });

  it.each(formats)('%s keeps an inventory with no distro and no packages', (format) => {
    const empty: Inventory = { packages: [], problems: [] };

    expect(roundTrip(format, empty).inventory).toStrictEqual(empty);
  });

  it.each(formats)('%s keeps two packages that share a purl apart', (format) => {
    const inventory = fullInventory();
    const twin = { ...inventory.packages[2]!, locations: [{ path: 'srv/node_modules/express' }] };
    inventory.packages.push(twin);

    const back = roundTrip(format, inventory).inventory;
    expect(back.packages).toHaveLength(5);
    expect(back).toStrictEqual(sortInventory(inventory));
  });

  it.each(formats)('%s keeps odd license texts and control characters verbatim', (format) => {
    const inventory = fullInventory();
    inventory.packages[3]!.licenses = ['MIT AND (BSD-3-Clause)', 'Public Domain', 'a\nb: c'];
    inventory.packages[3]!.name = 'url lib: 3';

    expect(roundTrip(format, inventory).inventory).toStrictEqual(sortInventory(inventory));
  });
});

describe('readSbom detection', () => {
  const rejected: [string, string][] = [
    ['not json', '{"bomFormat": "CycloneDX",'],
    ['a json array', '[]'],
    ['an unrelated json object', '{"hello": "world"}'],
    ['cyclonedx xml', '<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.6"/>'],
    ['spdx tag-value', 'SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n'],
    ['an unsupported cyclonedx version', '{"bomFormat": "CycloneDX", "specVersion": "1.1"}'],
    ['an unsupported spdx version', '{"spdxVersion": "SPDX-2.1", "SPDXID": "SPDXRef-DOCUMENT"}'],
    ['a broken drydock inventory', '{"schemaVersion": "1.0", "generator": {"name": "drydock"}}'],
  ];

  it.each(rejected)('rejects %s with SBOM_INVALID naming the file', (_, text) => {
    let caught: unknown;
    try {
      readSbom(bytes(text), 'in/bom.json');
    } catch (err) {
      caught = err;
    }
    expect(isDrydockError(caught, 'SBOM_INVALID')).toBe(true);
    expect((caught as Error).message).toContain('in/bom.json');
  });

  it('reads a document that starts with a byte order mark', () => {
    const text = `\ufeff${renderInventory('cyclonedx', fullInventory(), IMAGE, OPTIONS)}`;

    expect(readSbom(bytes(text), 'bom.json').inventory).toStrictEqual(fullInventory());
  });

  it('survives deeply nested json without a crash', () => {
    const nested = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const deep = `{"bomFormat":"CycloneDX","specVersion":"1.6","x":${nested}}`;

    expect(readSbom(bytes(deep), 'deep.json').inventory.packages).toEqual([]);
  });
});
