import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/catalog/types.js';
import { renderCycloneDx } from '../../../src/sbom/cyclonedx/write.js';
import type { Target } from '../../../src/sbom/types.js';
import { cycloneDxValidator, fullInventory, IMAGE, OPTIONS } from '../fixtures.js';

interface Prop {
  name: string;
  value: string;
}
interface Component {
  'bom-ref': string;
  type: string;
  name: string;
  version?: string;
  purl?: string;
  licenses?: unknown[];
  properties?: Prop[];
  evidence?: { occurrences: { location: string }[] };
}
interface Bom {
  serialNumber: string;
  metadata: { timestamp: string; component: Component; properties?: Prop[] };
  components: Component[];
  dependencies: { ref: string; dependsOn: string[] }[];
}

const validate = cycloneDxValidator();

function render(inventory: Inventory = fullInventory(), target: Target = IMAGE, files = true) {
  const text = renderCycloneDx(inventory, target, { ...OPTIONS, includeFiles: files });
  return { text, bom: JSON.parse(text) as Bom };
}

function prop(component: Component, name: string): string | undefined {
  return component.properties?.find((p) => p.name === name)?.value;
}

describe('cyclonedx writer: schema validity (CycloneDX 1.6 JSON schema)', () => {
  const cases: [string, Inventory, Target][] = [
    ['a full image inventory', fullInventory(), IMAGE],
    ['an empty inventory', { packages: [], problems: [] }, IMAGE],
    ['a filesystem target', fullInventory(), { kind: 'filesystem', name: 'srv/app' }],
    ['an sbom target without digest', fullInventory(), { kind: 'sbom', name: 'in.json' }],
  ];

  it.each(cases)('%s validates', (_, inventory, target) => {
    const ok = validate(render(inventory, target).bom);

    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator itself rejects a broken document', () => {
    const { bom } = render();
    (bom.components[1] as { type: string }).type = 'not-a-type';

    expect(validate(bom)).toBe(false);
  });
});

describe('cyclonedx writer: content', () => {
  it('names the image as a container subject with its digest', () => {
    const subject = render().bom.metadata.component;

    expect(subject).toMatchObject({ type: 'container', name: IMAGE.name, version: IMAGE.digest });
    expect(prop(subject, 'drydock:target:platform')).toBe('linux/amd64');
  });

  it('lists the distro as an operating-system component the OS packages depend from', () => {
    const { bom } = render();
    const os = bom.components[0]!;

    expect(os).toMatchObject({ type: 'operating-system', name: 'debian', version: '12' });
    const osDeps = bom.dependencies.find((d) => d.ref === os['bom-ref'])!;
    expect(osDeps.dependsOn).toHaveLength(2);
    expect(osDeps.dependsOn.every((ref) => ref.startsWith('pkg:deb/'))).toBe(true);
  });

  it('writes purl, locations, layer of origin, source and ownership', () => {
    const byName = new Map(render().bom.components.map((c) => [c.name, c]));
    const gcc = byName.get('libgcc-s1')!;
    const urllib3 = byName.get('urllib3')!;

    expect(gcc.purl).toContain('epoch=1');
    expect(gcc.evidence?.occurrences).toEqual([{ location: 'var/lib/dpkg/status' }]);
    expect(prop(gcc, 'drydock:location:0:layer')).toBe('0');
    expect(prop(gcc, 'drydock:layer:diffId')).toBe(`sha256:${'01'.repeat(32)}`);
    expect(prop(gcc, 'drydock:source:name')).toBe('gcc-12');
    expect(prop(urllib3, 'drydock:ownedBy:name')).toBe('python3-urllib3');
  });

  const licenseCases: [string, string[], unknown[]][] = [
    ['a known id', ['MIT'], [{ license: { id: 'MIT' } }]],
    ['a deprecated id', ['GPL-2.0'], [{ license: { id: 'GPL-2.0' } }]],
    ['an id with the or-later operator', ['GPL-2.0+'], [{ expression: 'GPL-2.0+' }]],
    ['a lone expression', ['MIT OR Apache-2.0'], [{ expression: 'MIT OR Apache-2.0' }]],
    ['free text', ['Public Domain'], [{ license: { name: 'Public Domain' } }]],
    [
      'an expression among others',
      ['MIT', 'GPL-2.0 OR BSD-3-Clause'],
      [{ license: { id: 'MIT' } }, { license: { name: 'GPL-2.0 OR BSD-3-Clause' } }],
    ],
  ];

  it.each(licenseCases)('writes %s as CycloneDX licenses', (_, licenses, expected) => {
    const inventory = fullInventory();
    inventory.packages[2]!.licenses = licenses;
    const express = render(inventory).bom.components.find((c) => c.name === 'express')!;

    expect(express.licenses).toEqual(expected);
    expect(validate(render(inventory).bom)).toBe(true);
  });

  it('leaves file lists out when asked', () => {
    const { bom } = render(fullInventory(), IMAGE, false);
    const names = bom.components.flatMap((c) => (c.properties ?? []).map((p) => p.name));

    expect(names).not.toContain('drydock:file');
    expect(render().bom.components.flatMap((c) => c.properties ?? [])).toContainEqual({
      name: 'drydock:file',
      value: 'usr/share/doc/libgcc-s1',
    });
  });

  it('records catalog problems as metadata properties', () => {
    const props = render().bom.metadata.properties ?? [];

    expect(props).toContainEqual({ name: 'drydock:problem:1:message', value: 'invalid json' });
  });
});

describe('cyclonedx writer: determinism', () => {
  it('gives the same bytes for the same inventory in any order', () => {
    const shuffled = fullInventory();
    shuffled.packages.reverse();

    expect(render(shuffled).text).toBe(render().text);
  });

  it('derives the serial number from the content', () => {
    const other = fullInventory();
    other.packages[0]!.version = '1:12.2.0-15';

    expect(render().bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/);
    expect(render(other).bom.serialNumber).not.toBe(render().bom.serialNumber);
  });

  it('writes the timestamp the caller passes, to the second', () => {
    const text = renderCycloneDx(fullInventory(), IMAGE, {
      ...OPTIONS,
      timestamp: '2024-05-01T14:00:00.250+02:00',
    });

    expect((JSON.parse(text) as Bom).metadata.timestamp).toBe('2024-05-01T12:00:00Z');
  });

  it('rejects a timestamp that is not a date', () => {
    expect(() =>
      renderCycloneDx(fullInventory(), IMAGE, { ...OPTIONS, timestamp: 'soon' }),
    ).toThrow(/invalid sbom timestamp/);
  });
});
