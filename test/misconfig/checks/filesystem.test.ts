import { describe, expect, it } from 'vitest';
import { BASE, CLEAN_CONFIG, findingOf } from '../helpers.js';

const details = async (id: string, layers: Parameters<typeof findingOf>[1]['layers']) =>
  (await findingOf(id, { layers, config: CLEAN_CONFIG }))?.evidence.map((e) => e.detail);

describe('DD-FS-001 setuid and setgid binaries', () => {
  it('reads special bits from tar modes, with the layer and step behind them', async () => {
    const finding = await findingOf('DD-FS-001', {
      layers: [
        BASE,
        [
          { name: 'usr/bin/su', content: 'su', mode: 0o4755 },
          { name: 'usr/bin/wall', content: 'wall', mode: 0o2755 },
          { name: 'usr/bin/both', content: 'b', mode: 0o6755 },
          { name: 'usr/bin/plain', content: 'p', mode: 0o755 },
        ],
      ],
      config: CLEAN_CONFIG,
      history: [{ created_by: 'ADD rootfs /' }, { created_by: 'RUN install tools' }],
    });
    expect(finding?.evidence).toEqual([
      expect.objectContaining({
        path: 'usr/bin/both',
        detail: expect.stringMatching(/^setuid and setgid \(mode 06755/),
      }),
      expect.objectContaining({
        path: 'usr/bin/su',
        layer: 1,
        historyIndex: 1,
        createdBy: 'RUN install tools',
      }),
      expect.objectContaining({
        path: 'usr/bin/wall',
        detail: expect.stringMatching(/^setgid \(mode 02755/),
      }),
    ]);
  });

  it('passes when a later layer clears the bit or removes the file', async () => {
    const layers = [
      [
        ...BASE,
        { name: 'usr/bin/su', content: 'su', mode: 0o4755 },
        { name: 'usr/bin/mount', content: 'm', mode: 0o4755 },
      ],
      [
        { name: 'usr/bin/su', content: 'su', mode: 0o755 },
        { name: 'usr/bin/.wh.mount', content: '' },
      ],
    ];
    expect(await details('DD-FS-001', layers)).toBeUndefined();
  });

  it('caps the evidence on very many hits and counts the rest', async () => {
    const many = Array.from({ length: 70 }, (_, i) => ({
      name: `opt/bin/t${String(i).padStart(2, '0')}`,
      content: 'x',
      mode: 0o4755,
    }));
    const found = await details('DD-FS-001', [BASE, many]);
    expect(found).toHaveLength(51);
    expect(found?.[50]).toBe('and 20 more');
  });
});

describe('DD-FS-002 world-writable files and folders', () => {
  it('flags world-writable files and folders but not sticky folders or symlinks', async () => {
    const found = await details('DD-FS-002', [
      [
        ...BASE,
        { name: 'app/', type: 'directory', mode: 0o777 },
        { name: 'app/config.yml', content: 'a: 1', mode: 0o666 },
        { name: 'app/ok.yml', content: 'a: 1', mode: 0o664 },
        { name: 'var/tmp/', type: 'directory', mode: 0o1777 },
        { name: 'app/link', type: 'symlink', linkname: 'config.yml', mode: 0o777 },
      ],
    ]);
    expect(found).toEqual([
      'world-writable folder (mode 00777)',
      'world-writable file (mode 00666)',
    ]);
  });

  it('passes an image with ordinary modes', async () => {
    expect(await details('DD-FS-002', [BASE])).toBeUndefined();
  });
});

describe('DD-FS-006 package manager caches', () => {
  it('counts the files and bytes of each cache left behind', async () => {
    const found = await details('DD-FS-006', [
      [
        ...BASE,
        { name: 'var/lib/apt/lists/lock', content: '' },
        {
          name: 'var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease',
          content: 'x'.repeat(100),
        },
        { name: 'var/lib/apt/lists/deb.debian.org_main_Packages.lz4', content: 'y'.repeat(50) },
        { name: 'var/cache/apt/archives/curl.deb', content: 'z'.repeat(10) },
        { name: 'root/.cache/pip/http/a', content: 'p' },
      ],
    ]);
    expect(found).toEqual([
      'apt package lists: 2 files, 150 bytes in var/lib/apt/lists',
      'apt cache: 1 files, 10 bytes in var/cache/apt',
      'pip cache: 1 files, 1 bytes in root/.cache/pip',
    ]);
  });

  it('passes when the lists were removed in a later layer, leaving only the lock', async () => {
    const found = await details('DD-FS-006', [
      [
        ...BASE,
        { name: 'var/lib/apt/lists/lock', content: '' },
        { name: 'var/lib/apt/lists/x_Packages', content: 'x' },
      ],
      [{ name: 'var/lib/apt/lists/.wh.x_Packages', content: '' }],
    ]);
    expect(found).toBeUndefined();
  });
});
