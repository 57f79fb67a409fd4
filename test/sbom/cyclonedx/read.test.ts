import { describe, expect, it } from 'vitest';
import { readCycloneDx } from '../../../src/sbom/cyclonedx/read.js';

/**
 * Samples written by hand in the shape the established scanners emit: Trivy keeps its
 * details in `aquasecurity:trivy:` properties, Syft in `syft:` ones, Grype-style documents
 * often carry nothing but names, versions and purls.
 */
const DIFF = `sha256:${'3c'.repeat(32)}`;

function trivyBom() {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: 'urn:uuid:0b4a5d13-44ce-4ea3-a1f2-3bfa5d0a2c11',
    version: 1,
    metadata: {
      timestamp: '2024-04-02T08:00:00+00:00',
      tools: { components: [{ type: 'application', group: 'aquasecurity', name: 'trivy' }] },
      component: {
        'bom-ref': 'pkg:oci/debian@sha256%3Aaa?repository_url=index.docker.io%2Flibrary%2Fdebian',
        type: 'container',
        name: 'debian:12',
        purl: 'pkg:oci/debian@sha256%3Aaa?repository_url=index.docker.io%2Flibrary%2Fdebian',
        properties: [{ name: 'aquasecurity:trivy:SchemaVersion', value: '2' }],
      },
    },
    components: [
      {
        'bom-ref': '0f7c1e4c-1111-4d6e-9a57-52b3cbb1d0a1',
        type: 'operating-system',
        name: 'debian',
        version: '12.5',
        properties: [{ name: 'aquasecurity:trivy:Type', value: 'debian' }],
      },
      {
        'bom-ref': 'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12.5&epoch=1',
        type: 'library',
        supplier: { name: 'Debian GCC Maintainers <debian-gcc@lists.debian.org>' },
        name: 'libgcc-s1',
        version: '12.2.0-14',
        licenses: [{ license: { name: 'GPL-3.0-or-later' } }],
        purl: 'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12.5&epoch=1',
        properties: [
          { name: 'aquasecurity:trivy:LayerDiffID', value: DIFF },
          { name: 'aquasecurity:trivy:PkgType', value: 'debian' },
          { name: 'aquasecurity:trivy:SrcName', value: 'gcc-12' },
          { name: 'aquasecurity:trivy:SrcVersion', value: '12.2.0-14' },
        ],
      },
      {
        'bom-ref': 'pkg:npm/lodash@4.17.21',
        type: 'library',
        name: 'lodash',
        version: '4.17.21',
        licenses: [{ license: { id: 'MIT' } }],
        purl: 'pkg:npm/lodash@4.17.21',
        properties: [
          { name: 'aquasecurity:trivy:FilePath', value: 'app/node_modules/lodash/package.json' },
          { name: 'aquasecurity:trivy:LayerDiffID', value: DIFF },
          { name: 'aquasecurity:trivy:PkgType', value: 'node-pkg' },
        ],
      },
    ],
  };
}

function syftBom() {
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      component: { 'bom-ref': 'af63bd4c8601b7f1', type: 'container', name: 'alpine:3.19' },
    },
    components: [
      {
        'bom-ref':
          'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&package-id=1',
        type: 'library',
        publisher: 'Sören Tempel <soeren+alpine@soeren-tempel.net>',
        name: 'busybox',
        version: '1.36.1-r15',
        licenses: [{ license: { id: 'GPL-2.0-only' } }],
        cpe: 'cpe:2.3:a:busybox:busybox:1.36.1-r15:*:*:*:*:*:*:*',
        purl: 'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&upstream=busybox&distro=alpine-3.19.1',
        properties: [
          { name: 'syft:package:foundBy', value: 'apk-db-cataloger' },
          { name: 'syft:package:type', value: 'apk' },
          { name: 'syft:location:0:layerID', value: DIFF },
          { name: 'syft:location:0:path', value: '/lib/apk/db/installed' },
          { name: 'syft:metadata:originPackage', value: 'busybox' },
        ],
      },
      {
        'bom-ref': 'os:alpine@3.19.1',
        type: 'operating-system',
        name: 'alpine',
        version: '3.19.1',
        description: 'Alpine Linux v3.19',
        properties: [
          { name: 'syft:distro:id', value: 'alpine' },
          { name: 'syft:distro:prettyName', value: 'Alpine Linux v3.19' },
          { name: 'syft:distro:versionID', value: '3.19.1' },
        ],
      },
    ],
  };
}

function grypeStyleBom() {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.4',
    components: [
      {
        type: 'library',
        name: 'openssl',
        version: '3.0.13-1~deb12u1',
        purl: 'pkg:deb/debian/openssl@3.0.13-1~deb12u1?distro=debian-12',
      },
      { type: 'library', name: 'requests', version: '2.31.0', purl: 'pkg:pypi/requests@2.31.0' },
    ],
    vulnerabilities: [{ id: 'CVE-2024-0001', affects: [{ ref: 'x' }] }],
  };
}

describe('cyclonedx reader: documents other scanners write', () => {
  it('reads a trivy-style image bom with source packages, layers and an epoch', () => {
    const { inventory, target } = readCycloneDx(trivyBom(), 'trivy.cdx.json');

    expect(inventory.distro).toEqual({ id: 'debian', versionId: '12.5' });
    expect(target).toEqual({ kind: 'image', name: 'debian:12' });
    expect(inventory.problems).toEqual([]);
    expect(inventory.packages).toEqual([
      {
        name: 'libgcc-s1',
        version: '1:12.2.0-14',
        type: 'deb',
        purl: 'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12.5&epoch=1',
        arch: 'amd64',
        epoch: 1,
        source: { name: 'gcc-12', version: '12.2.0-14' },
        licenses: ['GPL-3.0-or-later'],
        locations: [],
      },
      {
        name: 'lodash',
        version: '4.17.21',
        type: 'npm',
        purl: 'pkg:npm/lodash@4.17.21',
        licenses: ['MIT'],
        locations: [{ path: 'app/node_modules/lodash/package.json', diffId: DIFF }],
      },
    ]);
  });

  it('reads a syft-style bom with its distro properties and locations', () => {
    const { inventory } = readCycloneDx(syftBom(), 'syft.cdx.json');

    expect(inventory.distro).toEqual({
      id: 'alpine',
      versionId: '3.19.1',
      prettyName: 'Alpine Linux v3.19',
    });
    expect(inventory.packages).toEqual([
      expect.objectContaining({
        name: 'busybox',
        type: 'apk',
        arch: 'x86_64',
        source: { name: 'busybox', version: '1.36.1-r15' },
        locations: [{ path: 'lib/apk/db/installed', diffId: DIFF }],
      }),
    ]);
  });

  it('reads a purl-only bom and takes the distro from the purl qualifier', () => {
    const { inventory } = readCycloneDx(grypeStyleBom(), 'grype.cdx.json');

    expect(inventory.distro).toEqual({ id: 'debian', versionId: '12' });
    expect(inventory.packages.map((p) => `${p.type}:${p.name}@${p.version}`)).toEqual([
      'deb:openssl@3.0.13-1~deb12u1',
      'pypi:requests@2.31.0',
    ]);
  });

  it('reads components nested under an application component, which is no package', () => {
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.3',
      components: [
        {
          type: 'application',
          name: 'app',
          components: [{ type: 'library', name: 'left-pad', purl: 'pkg:npm/left-pad@1.3.0' }],
        },
      ],
    };
    const { inventory } = readCycloneDx(bom, 'nested.json');

    expect(inventory.packages.map((p) => [p.name, p.version])).toEqual([['left-pad', '1.3.0']]);
    expect(inventory.problems).toEqual([]);
  });
});

describe('cyclonedx reader: hostile and broken input', () => {
  const library = (extra: object) => ({ type: 'library', name: 'x', version: '1', ...extra });
  const bom = (...components: unknown[]) => ({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    components,
  });

  const broken: [string, unknown, string][] = [
    ['a component that is a string', 'oops', 'unreadable component'],
    ['a component without a name', { type: 'library' }, 'unreadable component'],
    ['an invalid purl', library({ purl: 'pkg:' }), 'invalid purl'],
    ['a purl type drydock does not model', library({ purl: 'pkg:hex/x@1' }), 'unsupported package'],
    ['no purl and no known type', library({}), 'no purl'],
    [
      'an unknown drydock package type',
      library({
        purl: 'pkg:npm/x@1',
        properties: [{ name: 'drydock:package:type', value: 'zip' }],
      }),
      'unknown drydock:package:type',
    ],
  ];

  it.each(broken)('reports %s and keeps the other components', (_, bad, message) => {
    const good = library({ name: 'kept', purl: 'pkg:npm/kept@1' });
    const { inventory } = readCycloneDx(bom(bad, good), 'in.json');

    expect(inventory.packages.map((p) => p.name)).toEqual(['kept']);
    expect(inventory.problems).toHaveLength(1);
    expect(inventory.problems[0]).toMatchObject({ cataloger: 'sbom-cyclonedx', path: 'in.json' });
    expect(inventory.problems[0]!.message).toContain(message);
  });

  it('refuses a __proto__ metadata key instead of touching the prototype', () => {
    const props = [
      { name: 'drydock:package:type', value: 'npm' },
      { name: 'drydock:metadata:__proto__', value: 'polluted' },
    ];
    const { inventory } = readCycloneDx(
      bom(library({ purl: 'pkg:npm/x@1', properties: props })),
      'p',
    );

    expect(inventory.packages[0]!.metadata).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(inventory.problems[0]!.message).toContain('unsafe metadata key');
  });

  it('ignores absurd location indexes rather than allocating for them', () => {
    const props = [
      { name: 'drydock:package:type', value: 'npm' },
      { name: 'drydock:location:99999999999:path', value: 'a' },
      { name: 'drydock:location:5:path', value: 'b' },
      { name: 'drydock:location:5:layer', value: '-1' },
    ];
    const { inventory } = readCycloneDx(
      bom(library({ purl: 'pkg:npm/x@1', properties: props })),
      'p',
    );

    expect(inventory.packages[0]!.locations).toEqual([{ path: 'b' }]);
    expect(inventory.problems[0]!.message).toContain('not a layer index');
  });

  it('stops at components nested too deeply and says so', () => {
    let component: Record<string, unknown> = library({ purl: 'pkg:npm/deep@1' });
    for (let i = 0; i < 40; i++)
      component = { type: 'application', name: `a${i}`, components: [component] };
    const { inventory } = readCycloneDx(bom(component), 'deep.json');

    expect(inventory.packages).toEqual([]);
    expect(inventory.problems.some((p) => p.message.includes('nested deeper'))).toBe(true);
  });

  it('throws SBOM_INVALID for a document whose components are not a list', () => {
    expect(() =>
      readCycloneDx({ bomFormat: 'CycloneDX', specVersion: '1.6', components: {} }, 'x'),
    ).toThrow(/invalid cyclonedx document x/);
  });
});
