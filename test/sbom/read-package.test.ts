import { describe, expect, it } from 'vitest';
import { type PackageParts, readPackage } from '../../src/sbom/read-package.js';

const parts = (extra: Partial<PackageParts>): PackageParts => ({
  name: 'libgcc-s1',
  version: '12.2.0-14',
  licenses: [],
  properties: [],
  paths: [],
  ...extra,
});

describe('readPackage', () => {
  it('adds the purl epoch to the version of a package another tool wrote', () => {
    const result = readPackage(
      parts({ purl: 'pkg:deb/debian/libgcc-s1@12.2.0-14?epoch=1' }),
      undefined,
    );

    expect(result).toMatchObject({ pkg: { version: '1:12.2.0-14', epoch: 1 } });
  });

  it('trusts a drydock document verbatim, adding nothing from the purl', () => {
    const result = readPackage(
      parts({
        purl: 'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&epoch=1',
        properties: [{ name: 'drydock:package:type', value: 'deb' }],
      }),
      undefined,
    );

    expect(result).toEqual({
      pkg: {
        name: 'libgcc-s1',
        version: '12.2.0-14',
        type: 'deb',
        purl: 'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&epoch=1',
        licenses: [],
        locations: [],
      },
      warnings: [],
    });
  });

  it('builds a purl from another tool type property and the distro', () => {
    const result = readPackage(
      parts({ properties: [{ name: 'syft:package:type', value: 'deb' }] }),
      { id: 'debian', versionId: '12' },
    );

    expect(result).toMatchObject({
      pkg: { type: 'deb', purl: 'pkg:deb/debian/libgcc-s1@12.2.0-14?distro=debian-12' },
    });
  });

  it('takes locations from native paths when no tool property names any', () => {
    const result = readPackage(
      parts({ purl: 'pkg:npm/x@1', paths: ['/app/node_modules/x/package.json', ''] }),
      undefined,
    );

    expect(result).toMatchObject({
      pkg: { locations: [{ path: 'app/node_modules/x/package.json' }] },
    });
  });

  it('reports an ownership it cannot use instead of inventing one', () => {
    const result = readPackage(
      parts({
        purl: 'pkg:pypi/x@1',
        properties: [
          { name: 'drydock:package:type', value: 'pypi' },
          { name: 'drydock:ownedBy:name', value: 'python3-x' },
        ],
      }),
      undefined,
    );

    expect(result).toMatchObject({ warnings: [expect.stringContaining('drydock:ownedBy')] });
    expect('pkg' in result && result.pkg.ownedBy).toBe(undefined);
  });
});
