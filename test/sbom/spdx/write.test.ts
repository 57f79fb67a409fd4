import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/catalog/types.js';
import { OS_ID, renderSpdx, TARGET_ID } from '../../../src/sbom/spdx/write.js';
import type { Target } from '../../../src/sbom/types.js';
import { fullInventory, IMAGE, OPTIONS, spdxValidator } from '../fixtures.js';

interface Pkg {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  licenseDeclared: string;
  primaryPackagePurpose: string;
  sourceInfo?: string;
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
  annotations?: { comment: string }[];
}
interface Doc {
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: Pkg[];
  relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[];
  hasExtractedLicensingInfos?: { licenseId: string; extractedText: string }[];
  annotations?: { comment: string }[];
}

const validate = spdxValidator();

function render(inventory: Inventory = fullInventory(), target: Target = IMAGE) {
  const text = renderSpdx(inventory, target, OPTIONS);
  return { text, doc: JSON.parse(text) as Doc };
}

const byName = (doc: Doc, name: string) => doc.packages.find((p) => p.name === name)!;

describe('spdx writer: schema validity (SPDX 2.3 JSON schema)', () => {
  const cases: [string, Inventory, Target][] = [
    ['a full image inventory', fullInventory(), IMAGE],
    ['an empty inventory', { packages: [], problems: [] }, IMAGE],
    ['a filesystem target', fullInventory(), { kind: 'filesystem', name: '/srv/app (copy)' }],
  ];

  it.each(cases)('%s validates', (_, inventory, target) => {
    const ok = validate(render(inventory, target).doc);

    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator itself rejects a broken document', () => {
    const { doc } = render();
    doc.packages[0]!.primaryPackagePurpose = 'OPERATING-SYSTEM';

    expect(validate(doc)).toBe(false);
  });

  it('uses SPDX ids made only of allowed characters', () => {
    const ids = render().doc.packages.map((p) => p.SPDXID);

    expect(ids.every((id) => /^SPDXRef-[A-Za-z0-9.-]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('spdx writer: content', () => {
  it('describes the image, which contains the distro and every package', () => {
    const { doc } = render();
    const rel = (from: string, type: string, to: string) =>
      doc.relationships.some(
        (r) =>
          r.spdxElementId === from && r.relationshipType === type && r.relatedSpdxElement === to,
      );

    expect(rel('SPDXRef-DOCUMENT', 'DESCRIBES', TARGET_ID)).toBe(true);
    expect(rel(TARGET_ID, 'CONTAINS', OS_ID)).toBe(true);
    expect(byName(doc, 'debian')).toMatchObject({
      primaryPackagePurpose: 'OPERATING_SYSTEM',
      versionInfo: '12',
    });
    for (const name of ['libgcc-s1', 'express', 'urllib3']) {
      expect(rel(TARGET_ID, 'CONTAINS', byName(doc, name).SPDXID)).toBe(true);
    }
  });

  it('says that the owning OS package contains an owned language package', () => {
    const { doc } = render();
    const owner = byName(doc, 'python3-urllib3').SPDXID;
    const owned = byName(doc, 'urllib3').SPDXID;

    expect(doc.relationships).toContainEqual({
      spdxElementId: owner,
      relationshipType: 'CONTAINS',
      relatedSpdxElement: owned,
    });
  });

  it('writes the purl as a package-manager reference and the source package', () => {
    const gcc = byName(render().doc, 'libgcc-s1');

    expect(gcc.externalRefs).toEqual([
      {
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: 'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12&epoch=1',
      },
    ]);
    expect(gcc.sourceInfo).toBe('built from source package gcc-12 12.2.0-14');
    expect(gcc.annotations).toContainEqual(
      expect.objectContaining({ comment: 'drydock:location:0:path: var/lib/dpkg/status' }),
    );
  });

  const declaredCases: [string, string[], string][] = [
    ['no license', [], 'NOASSERTION'],
    ['a known id', ['MIT'], 'MIT'],
    ['an expression', ['MIT OR Apache-2.0'], 'MIT OR Apache-2.0'],
    ['free text', ['Public Domain'], 'LicenseRef-Public-Domain'],
    ['several', ['MIT', 'GPL-2.0 OR BSD-3-Clause'], 'MIT AND (GPL-2.0 OR BSD-3-Clause)'],
    ['text of only symbols', ['(c) !!'], 'LicenseRef-c'],
  ];

  it.each(declaredCases)('writes %s as licenseDeclared', (_, licenses, declared) => {
    const inventory = fullInventory();
    inventory.packages[2]!.licenses = licenses;

    expect(byName(render(inventory).doc, 'express').licenseDeclared).toBe(declared);
  });

  it('records the text behind every LicenseRef it writes', () => {
    const infos = render().doc.hasExtractedLicensingInfos ?? [];

    expect(infos).toContainEqual(
      expect.objectContaining({
        licenseId: 'LicenseRef-Unknown-custom-text',
        extractedText: 'Unknown custom text',
      }),
    );
  });

  it('gives two different texts that slug alike different LicenseRefs', () => {
    const inventory = fullInventory();
    inventory.packages[2]!.licenses = ['Public Domain'];
    inventory.packages[3]!.licenses = ['Public  Domain!'];
    const { doc } = render(inventory);

    expect(byName(doc, 'express').licenseDeclared).toBe('LicenseRef-Public-Domain');
    expect(byName(doc, 'urllib3').licenseDeclared).toBe('LicenseRef-Public-Domain-2');
  });
});

describe('spdx writer: determinism', () => {
  it('gives the same bytes for the same inventory in any order', () => {
    const shuffled = fullInventory();
    shuffled.packages.reverse();

    expect(render(shuffled).text).toBe(render().text);
  });

  it('derives the namespace from the content and records the creating tool', () => {
    const other = fullInventory();
    other.packages.pop();

    expect(render().doc.documentNamespace).not.toBe(render(other).doc.documentNamespace);
    expect(render().doc.creationInfo).toEqual({
      created: '2024-05-01T12:00:00Z',
      creators: ['Tool: drydock-0.1.0'],
    });
  });
});
