import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerCache } from '../../src/cache/layer-cache.js';
import { DEFAULT_PLATFORM } from '../../src/image/platform.js';
import { openImage } from '../../src/image/sources.js';
import type { OpenedImage } from '../../src/image/types.js';
import { walkImage } from '../../src/layer/index.js';
import type { Consumer } from '../../src/layer/types.js';
import { buildImage, buildLayer, writeOciLayout } from '../helpers/image-builder.js';

const textConsumer = (version = 1): Consumer<string> => ({
  name: 'text',
  version,
  patterns: ['etc/*.conf', 'app/**/*.txt', 'opt/keep'],
  maxFileSize: 1024,
  extract: (bytes) => bytes.toString('utf8'),
});

const options = (cacheDir: string) => ({
  platform: DEFAULT_PLATFORM,
  insecure: false,
  cacheDir,
  maxManifestBytes: 1 << 20,
});

let dir: string;
let layout: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drydock-walk-'));
  layout = join(dir, 'layout');
  const base = await buildLayer(
    [
      { name: 'etc/', type: 'directory' },
      { name: 'etc/a.conf', content: 'a=1' },
      { name: 'etc/b.conf', content: 'b=1' },
      { name: 'app/data/', type: 'directory' },
      { name: 'app/data/one.txt', content: 'one' },
      { name: 'app/data/two.txt', content: 'two' },
      { name: 'opt/keep', content: 'kept' },
      { name: 'usr/bin/tool', content: 'x'.repeat(5000), mode: 0o4755 },
    ],
    'gzip',
  );
  const middle = await buildLayer(
    [
      { name: 'etc/.wh.b.conf', content: '' },
      { name: 'etc/a.conf', content: 'a=2' },
      { name: 'app/data/.wh..wh..opq', content: '' },
      { name: 'app/data/three.txt', content: 'three' },
    ],
    'zstd',
  );
  const top = await buildLayer([{ name: 'etc/c.conf', content: 'c=1' }], 'none');
  const image = buildImage({
    layers: [base, middle, top],
    history: [
      { created_by: 'ADD rootfs /' },
      { created_by: 'ENV A=1', empty_layer: true },
      { created_by: 'RUN edit' },
      { created_by: 'COPY c.conf /etc/' },
    ],
  });
  await writeOciLayout(layout, [{ image, tag: 'v1' }]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('walkImage', () => {
  it('squashes layers of every compression and applies whiteouts and opaque dirs', async () => {
    const image = await openImage(`oci:${layout}:v1`, options(join(dir, 'c0')));
    const walk = await walkImage(image, [textConsumer()]);

    expect(walk.squashed.get('etc/a.conf')?.layer).toBe(1);
    expect(walk.squashed.get('etc/b.conf')).toBeUndefined();
    expect(walk.squashed.get('app/data/one.txt')).toBeUndefined();
    expect(walk.squashed.get('app/data/three.txt')?.layer).toBe(1);
    expect(walk.squashed.get('etc/c.conf')?.layer).toBe(2);
    expect(walk.squashed.get('usr/bin/tool')?.entry.mode).toBe(0o4755);
    expect(walk.diagnostics).toEqual([]);
  });

  it('keeps removed and replaced files known with the layer that removed them', async () => {
    const image = await openImage(`oci:${layout}:v1`, options(join(dir, 'c1')));
    const results = (await walkImage(image, [textConsumer()])).results<string>('text');

    expect(results).toContainEqual({ path: 'etc/b.conf', layer: 0, value: 'b=1', removedBy: 1 });
    expect(results).toContainEqual({ path: 'etc/a.conf', layer: 0, value: 'a=1', removedBy: 1 });
    expect(results).toContainEqual({ path: 'etc/a.conf', layer: 1, value: 'a=2' });
    expect(results).toContainEqual({
      path: 'app/data/one.txt',
      layer: 0,
      value: 'one',
      removedBy: 1,
    });
    expect(results).toContainEqual({ path: 'opt/keep', layer: 0, value: 'kept' });
    expect(results.find((r) => r.path === 'usr/bin/tool')).toBeUndefined();
  });

  it('ties each layer to the history step that wrote it, skipping empty layers', async () => {
    const image = await openImage(`oci:${layout}:v1`, options(join(dir, 'c2')));
    expect(image.layers.map((l) => [l.historyIndex, l.createdBy])).toEqual([
      [0, 'ADD rootfs /'],
      [2, 'RUN edit'],
      [3, 'COPY c.conf /etc/'],
    ]);
  });

  it('reads no layer bytes on a second scan with the same consumers', async () => {
    const cacheDir = join(dir, 'c3');
    const cache = new LayerCache(cacheDir);
    const first = await openImage(`oci:${layout}:v1`, options(cacheDir));
    const cold = await walkImage(first, [textConsumer()], { cache });
    expect(cold.cachedLayers).toEqual([]);

    const second = await openImage(`oci:${layout}:v1`, options(cacheDir));
    const guarded: OpenedImage = {
      ...second,
      openBlob: () => Promise.reject(new Error('layer bytes were read on a warm scan')),
    };
    const warm = await walkImage(guarded, [textConsumer()], { cache });
    expect(warm.cachedLayers).toEqual([0, 1, 2]);
    expect(warm.results('text')).toEqual(cold.results('text'));
    expect(warm.squashed.size).toBe(cold.squashed.size);
  });

  it('reads layers again when a consumer version changes', async () => {
    const cacheDir = join(dir, 'c4');
    const cache = new LayerCache(cacheDir);
    await walkImage(await openImage(`oci:${layout}:v1`, options(cacheDir)), [textConsumer(1)], {
      cache,
    });
    let opened = 0;
    const image = await openImage(`oci:${layout}:v1`, options(cacheDir));
    const counting: OpenedImage = {
      ...image,
      openBlob: (d) => {
        opened++;
        return image.openBlob(d);
      },
    };
    await walkImage(counting, [textConsumer(2)], { cache });
    expect(opened).toBe(3);
    const files = await readdir(join(cache.root, image.layers[0]!.diffId.replace(':', '-')));
    expect(files.sort()).toEqual(['record.json', 'text@1.json', 'text@2.json']);
  });

  it('gives a failing consumer one diagnostic and keeps the other results', async () => {
    const failing: Consumer = {
      name: 'failing',
      version: 1,
      patterns: ['etc/c.conf'],
      maxFileSize: 10,
      extract: () => {
        throw new Error('boom');
      },
    };
    const image = await openImage(`oci:${layout}:v1`, options(join(dir, 'c5')));
    const walk = await walkImage(image, [failing, textConsumer()]);
    expect(walk.diagnostics).toEqual([
      expect.objectContaining({ code: 'consumer-failed', path: 'etc/c.conf', layer: 2 }),
    ]);
    expect(walk.results('text').length).toBeGreaterThan(3);
  });

  it('treats a torn or foreign cache entry as a miss and reads the layer again', async () => {
    const cacheDir = join(dir, 'c6');
    const cache = new LayerCache(cacheDir);
    const image = await openImage(`oci:${layout}:v1`, options(cacheDir));
    const cold = await walkImage(image, [textConsumer()], { cache });
    const layerDir = join(cache.root, image.layers[0]!.diffId.replace(':', '-'));
    const record = await readFile(join(layerDir, 'record.json'), 'utf8');
    await writeFile(join(layerDir, 'record.json'), record.slice(0, record.length / 2));
    await writeFile(
      join(layerDir, 'text@1.json'),
      JSON.stringify({ format: 1, diffId: 'sha256:other', data: {} }),
    );

    const again = await walkImage(
      await openImage(`oci:${layout}:v1`, options(cacheDir)),
      [textConsumer()],
      { cache },
    );
    expect(again.cachedLayers).toEqual([1, 2]);
    expect(again.results('text')).toEqual(cold.results('text'));
  });
});
