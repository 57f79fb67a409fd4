import { describe, expect, it } from 'vitest';
import { packageProperties, readDrydockProperties } from '../../src/sbom/properties.js';
import { fullInventory } from './fixtures.js';

describe('drydock properties', () => {
  it.each(fullInventory().packages.map((p) => [p.name, p] as const))(
    'read back what was written for %s',
    (_, pkg) => {
      const { fields, errors } = readDrydockProperties(
        packageProperties(pkg, { files: true, licenses: true }),
      );

      expect(errors).toEqual([]);
      expect(fields.type).toBe(pkg.type);
      expect(fields.locations).toEqual(pkg.locations.length > 0 ? pkg.locations : undefined);
      expect(fields.files).toEqual(pkg.files);
      expect(fields.licenses).toEqual(pkg.licenses.length > 0 ? pkg.licenses : undefined);
      expect(fields.metadata).toEqual(pkg.metadata);
    },
  );

  it('keeps an empty file list apart from no file list', () => {
    const pkg = fullInventory().packages[1]!;

    expect(pkg.files).toEqual([]);
    expect(
      readDrydockProperties(packageProperties(pkg, { files: true, licenses: false })).fields.files,
    ).toEqual([]);
  });

  const malformed: [string, string, string][] = [
    ['drydock:epoch', '-1', 'not an epoch'],
    ['drydock:epoch', '1e9', 'not an epoch'],
    ['drydock:location:0:layer', 'x', 'not a layer index'],
    ['drydock:metadata:constructor', 'x', 'unsafe metadata key'],
    ['drydock:metadata:', 'x', 'unsafe metadata key'],
  ];

  it.each(malformed)('reports %s=%j as malformed', (name, value, message) => {
    const { errors } = readDrydockProperties([
      { name, value },
      { name: 'drydock:location:0:path', value: 'p' },
    ]);

    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it('reports a location that has a layer but no path', () => {
    const { fields, errors } = readDrydockProperties([
      { name: 'drydock:location:3:layer', value: '2' },
    ]);

    expect(fields.locations).toEqual([]);
    expect(errors).toEqual(['drydock:location:3: has no path']);
  });

  it('ignores properties of other tools', () => {
    expect(readDrydockProperties([{ name: 'syft:package:type', value: 'deb' }]).fields).toEqual({});
  });
});
