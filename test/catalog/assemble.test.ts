import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/catalog/assemble.js';
import type { CatalogValue } from '../../src/catalog/cataloger.js';
import type { ConsumerResult } from '../../src/layer/types.js';
import { layerOrigins, resultsOf } from './helpers/consumer.js';

const LAYERS = layerOrigins(3);
const value = (v: Partial<CatalogValue>): CatalogValue => ({ packages: [], problems: [], ...v });
const at = (path: string, layer: number, v: Partial<CatalogValue>, removedBy?: number) => {
  const result: ConsumerResult<CatalogValue> = { path, layer, value: value(v) };
  if (removedBy !== undefined) result.removedBy = removedBy;
  return result;
};

const EGG = 'usr/lib/python3/dist-packages/urllib3-1.26.12.egg-info/PKG-INFO';

const RESULTS = resultsOf({
  'os-release': [
    at('etc/debian_version', 0, { distro: { id: 'debian', versionId: '11' } }),
    at('usr/lib/os-release', 0, {
      distro: { id: 'debian', versionId: '12', codename: 'bookworm' },
    }),
  ],
  dpkg: [
    at('var/lib/dpkg/status', 0, {
      packages: [
        {
          name: 'python3-urllib3',
          version: '1.26.12-1',
          type: 'deb',
          arch: 'all',
          licenses: [],
          source: { name: 'python-urllib3', version: '1.26.12-1' },
        },
        {
          name: 'libc6',
          version: '2.36-9+deb12u4',
          type: 'deb',
          arch: 'amd64',
          licenses: [],
          source: { name: 'glibc', version: '2.36-9+deb12u4' },
        },
      ],
    }),
    at('var/lib/dpkg/info/python3-urllib3.list', 0, {
      facts: [{ package: 'python3-urllib3', files: ['usr', EGG] }],
    }),
    at('var/lib/dpkg/info/libc6:amd64.list', 0, {
      facts: [{ package: 'libc6', arch: 'amd64', files: ['lib/x86_64-linux-gnu/libc.so.6'] }],
    }),
    at('usr/share/doc/libc6/copyright', 0, {
      facts: [{ package: 'libc6', licenses: ['LGPL-2.1+'] }],
    }),
  ],
  'python-installed': [
    at(EGG, 0, {
      packages: [{ name: 'urllib3', version: '1.26.12', type: 'pypi', licenses: ['MIT'] }],
    }),
    at('usr/local/lib/python3.11/dist-packages/requests-2.31.0.dist-info/METADATA', 1, {
      packages: [{ name: 'requests', version: '2.31.0', type: 'pypi', licenses: [] }],
      problems: [],
    }),
  ],
  'npm-installed': [
    at(
      'app/node_modules/left-pad/package.json',
      1,
      { packages: [{ name: 'left-pad', version: '1.3.0', type: 'npm', licenses: [] }] },
      2,
    ),
    at('app/node_modules/ms/package.json', 1, {
      packages: [{ name: 'ms', version: '2.1.3', type: 'npm', licenses: ['MIT'] }],
    }),
    at('app/node_modules/debug/node_modules/ms/package.json', 2, {
      packages: [{ name: 'ms', version: '2.1.3', type: 'npm', licenses: ['MIT'] }],
    }),
    at('app/node_modules/bad/package.json', 1, {
      problems: [{ path: 'app/node_modules/bad/package.json', message: 'invalid json' }],
    }),
  ],
  'go-binary': [
    at('usr/lib/go-1.19/bin/go', 0, {
      packages: [{ name: 'stdlib', version: 'go1.19.8', type: 'golang', licenses: [] }],
    }),
  ],
});

describe('buildInventory', () => {
  const inventory = buildInventory(RESULTS, LAYERS);
  const find = (name: string) => inventory.packages.filter((p) => p.name === name);

  it('takes the distro from os-release over the older release files', () => {
    expect(inventory.distro).toEqual({ id: 'debian', versionId: '12', codename: 'bookworm' });
  });

  it('gives OS packages distro purls, dpkg file lists and copyright licenses', () => {
    expect(find('libc6')).toEqual([
      {
        name: 'libc6',
        version: '2.36-9+deb12u4',
        type: 'deb',
        arch: 'amd64',
        licenses: ['LGPL-2.1+'],
        source: { name: 'glibc', version: '2.36-9+deb12u4' },
        purl: 'pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12&upstream=glibc',
        files: ['lib/x86_64-linux-gnu/libc.so.6'],
        locations: [{ path: 'var/lib/dpkg/status', layer: 0, diffId: LAYERS[0]!.diffId }],
      },
    ]);
  });

  it('marks a language package declared by a file an OS package installed', () => {
    expect(find('urllib3')[0]?.ownedBy).toEqual({
      type: 'deb',
      name: 'python3-urllib3',
      version: '1.26.12-1',
    });
    expect(find('requests')[0]?.ownedBy).toBeUndefined();
  });

  it('leaves out packages whose file a later layer removed', () => {
    expect(find('left-pad')).toEqual([]);
  });

  it('merges one package found in two files, keeping both locations and layers', () => {
    expect(find('ms').map((p) => p.locations)).toEqual([
      [
        {
          path: 'app/node_modules/debug/node_modules/ms/package.json',
          layer: 2,
          diffId: LAYERS[2]!.diffId,
        },
        { path: 'app/node_modules/ms/package.json', layer: 1, diffId: LAYERS[1]!.diffId },
      ],
    ]);
  });

  it('orders packages by type, name and version', () => {
    expect(inventory.packages.map((p) => `${p.type}:${p.name}`)).toEqual([
      'deb:libc6',
      'deb:python3-urllib3',
      'golang:stdlib',
      'npm:ms',
      'pypi:requests',
      'pypi:urllib3',
    ]);
  });

  it('reports problems with their cataloger and layer', () => {
    expect(inventory.problems).toEqual([
      {
        cataloger: 'npm-installed',
        path: 'app/node_modules/bad/package.json',
        layer: 1,
        message: 'invalid json',
      },
    ]);
  });

  it('is deterministic whatever order the results arrive in', () => {
    const reversed = (name: string) => [...RESULTS(name)].reverse();
    expect(buildInventory(reversed, LAYERS)).toEqual(inventory);
  });

  it('has no distro and no packages for an empty walk', () => {
    expect(buildInventory(() => [], [])).toEqual({ packages: [], problems: [] });
  });
});
