import { describe, expect, it } from 'vitest';
import { readSbom } from '../../../src/sbom/read.js';
import { readSpdx } from '../../../src/sbom/spdx/read.js';
import { spdxExample } from '../fixtures.js';

/** Samples in the shape Syft and Trivy write SPDX 2.3 JSON, written by hand. */
const DIFF = `sha256:${'7e'.repeat(32)}`;
const BASH_QUALIFIERS = 'arch=amd64&upstream=bash%405.2.15-2&distro=debian-12';

function syftDoc() {
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'debian',
    documentNamespace: 'https://example.com/image/debian-1b2c',
    creationInfo: { created: '2024-04-02T08:00:00Z', creators: ['Tool: syft-1.4.1'] },
    packages: [
      {
        name: 'bash',
        SPDXID: 'SPDXRef-Package-deb-bash-3a1f',
        versionInfo: '5.2.15-2+b7',
        supplier: 'Person: Matthias Klose (doko@debian.org)',
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        sourceInfo: 'acquired package info from DPKG DB: /var/lib/dpkg/status',
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'GPL-3.0-or-later',
        copyrightText: 'NOASSERTION',
        externalRefs: [
          {
            referenceCategory: 'SECURITY',
            referenceType: 'cpe23Type',
            referenceLocator: 'cpe:2.3:a:bash:bash:5.2.15-2\\+b7:*:*:*:*:*:*:*',
          },
          {
            referenceCategory: 'PACKAGE-MANAGER',
            referenceType: 'purl',
            referenceLocator: `pkg:deb/debian/bash@5.2.15-2%2Bb7?${BASH_QUALIFIERS}`,
          },
        ],
      },
      {
        name: 'debian',
        SPDXID: 'SPDXRef-DocumentRoot-Image-debian',
        versionInfo: `sha256:${'5d'.repeat(32)}`,
        downloadLocation: 'NOASSERTION',
        primaryPackagePurpose: 'CONTAINER',
      },
      {
        name: 'zlib1g',
        SPDXID: 'SPDXRef-Package-deb-zlib1g-99',
        versionInfo: '1:1.2.13.dfsg-1',
        downloadLocation: 'NOASSERTION',
        licenseDeclared: 'LicenseRef-Zlib-style',
        externalRefs: [
          {
            referenceCategory: 'PACKAGE-MANAGER',
            referenceType: 'purl',
            referenceLocator:
              'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&upstream=zlib&distro=debian-12',
          },
        ],
      },
    ],
    hasExtractedLicensingInfos: [
      { licenseId: 'LicenseRef-Zlib-style', extractedText: 'Zlib-style' },
    ],
    relationships: [
      {
        spdxElementId: 'SPDXRef-DOCUMENT',
        relatedSpdxElement: 'SPDXRef-DocumentRoot-Image-debian',
        relationshipType: 'DESCRIBES',
      },
    ],
  };
}

function trivyDoc() {
  const note = (comment: string) => ({
    annotator: 'Tool: trivy-0.50.1',
    annotationDate: '2024-04-02T08:00:00Z',
    annotationType: 'OTHER',
    comment,
  });
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'alpine:3.19',
    packages: [
      {
        name: 'alpine',
        SPDXID: 'SPDXRef-OperatingSystem-7d1e',
        versionInfo: '3.19.1',
        downloadLocation: 'NONE',
        primaryPackagePurpose: 'OPERATING-SYSTEM',
      },
      {
        name: 'musl',
        SPDXID: 'SPDXRef-Package-1a2b',
        versionInfo: '1.2.4_git20230717-r4',
        downloadLocation: 'NONE',
        licenseDeclared: 'MIT',
        externalRefs: [
          {
            referenceCategory: 'PACKAGE-MANAGER',
            referenceType: 'purl',
            referenceLocator: 'pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=3.19.1',
          },
        ],
        annotations: [
          note(`LayerDiffID: ${DIFF}`),
          note('PkgType: alpine'),
          note('SrcName: musl'),
          note('SrcVersion: 1.2.4_git20230717-r4'),
        ],
      },
    ],
  };
}

describe('spdx reader: documents other scanners write', () => {
  it('reads a syft-style document: target, source from upstream, epoch, extracted license', () => {
    const { inventory, target } = readSpdx(syftDoc(), 'syft.spdx.json');

    expect(target).toEqual({ kind: 'image', name: 'debian', digest: `sha256:${'5d'.repeat(32)}` });
    expect(inventory.distro).toEqual({ id: 'debian', versionId: '12' });
    expect(inventory.problems).toEqual([]);
    expect(inventory.packages).toEqual([
      expect.objectContaining({
        name: 'bash',
        version: '5.2.15-2+b7',
        type: 'deb',
        arch: 'amd64',
        source: { name: 'bash', version: '5.2.15-2' },
        licenses: ['GPL-3.0-or-later'],
      }),
      expect.objectContaining({
        name: 'zlib1g',
        version: '1:1.2.13.dfsg-1',
        source: { name: 'zlib', version: '1:1.2.13.dfsg-1' },
        licenses: ['Zlib-style'],
      }),
    ]);
  });

  it('reads a trivy-style document: hyphenated OS purpose and annotations', () => {
    const { inventory } = readSpdx(trivyDoc(), 'trivy.spdx.json');

    expect(inventory.distro).toEqual({ id: 'alpine', versionId: '3.19.1' });
    expect(inventory.packages).toEqual([
      {
        name: 'musl',
        version: '1.2.4_git20230717-r4',
        type: 'apk',
        purl: 'pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=3.19.1',
        arch: 'x86_64',
        source: { name: 'musl', version: '1.2.4_git20230717-r4' },
        licenses: ['MIT'],
        locations: [],
      },
    ]);
  });

  it('reads the SPDX project example, reporting the packages that have no purl', () => {
    const { inventory, target } = readSbom(new TextEncoder().encode(spdxExample()), 'ex.json');

    expect(target?.name).toBe('glibc');
    expect(inventory.packages.map((p) => p.purl)).toEqual([
      'pkg:maven/org.apache.jena/apache-jena@3.12.0',
    ]);
    expect(inventory.problems.map((p) => p.message)).toEqual([
      'packages[1]: no purl for component "Apache Commons Lang"',
      'packages[3]: no purl for component "Saxon"',
    ]);
  });
});

describe('spdx reader: hostile and broken input', () => {
  const doc = (packages: unknown[], extra: object = {}) => ({
    spdxVersion: 'SPDX-2.3',
    SPDXID: 'SPDXRef-DOCUMENT',
    packages,
    ...extra,
  });
  const good = {
    SPDXID: 'SPDXRef-ok',
    name: 'ok',
    externalRefs: [{ referenceType: 'purl', referenceLocator: 'pkg:npm/ok@1.0.0' }],
  };

  const broken: [string, unknown, string][] = [
    ['a package that is a number', 7, 'unreadable package'],
    ['a package with no SPDXID', { name: 'x' }, 'unreadable package'],
    [
      'a broken external reference',
      { SPDXID: 'SPDXRef-x', name: 'x', externalRefs: [{ referenceType: 3 }] },
      'unreadable external reference',
    ],
    [
      'an annotation without comment',
      { ...good, SPDXID: 'SPDXRef-y', name: 'y', annotations: [{ annotator: 'Tool: a' }] },
      'unreadable annotation',
    ],
  ];

  it.each(broken)('reports %s and keeps the other packages', (_, bad, message) => {
    const { inventory } = readSpdx(doc([bad, good]), 'in.spdx.json');

    expect(inventory.packages.map((p) => p.name)).toContain('ok');
    expect(inventory.problems[0]).toMatchObject({ cataloger: 'sbom-spdx', path: 'in.spdx.json' });
    expect(inventory.problems[0]!.message).toContain(message);
  });

  it('ignores a broken relationship list entry and still reads packages', () => {
    const { inventory } = readSpdx(doc([good], { relationships: [null] }), 'r.json');

    expect(inventory.packages).toHaveLength(1);
    expect(inventory.problems[0]!.message).toContain('unreadable relationship');
  });

  it('throws SBOM_INVALID when packages is not a list', () => {
    expect(() => readSpdx(doc({} as unknown as unknown[]), 'p.json')).toThrow(/invalid spdx/);
  });
});
