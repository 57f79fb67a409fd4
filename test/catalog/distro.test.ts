import { describe, expect, it } from 'vitest';
import type { CatalogValue } from '../../src/catalog/cataloger.js';
import { pickDistro } from '../../src/catalog/distro.js';
import type { Distro } from '../../src/catalog/types.js';

const found = (path: string, distro: Distro) => ({
  path,
  layer: 0,
  value: { packages: [], problems: [], distro } as CatalogValue,
});

describe('pickDistro', () => {
  it.each([
    [['etc/debian_version', 'etc/os-release'], 'etc/os-release'],
    [['etc/debian_version', 'usr/lib/os-release'], 'usr/lib/os-release'],
    [['etc/redhat-release', 'etc/lsb-release'], 'etc/lsb-release'],
    [['etc/debian_version'], 'etc/debian_version'],
  ])('among %j trusts %s', (paths, winner) => {
    const results = paths.map((path) => found(path, { id: path }));
    expect(pickDistro(results)?.id).toBe(winner);
  });

  it('finds none in an image without release files', () => {
    expect(pickDistro([])).toBeUndefined();
  });
});
