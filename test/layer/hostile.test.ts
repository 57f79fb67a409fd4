import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayerCache } from '../../src/cache/layer-cache.js';
import type { LayerRef } from '../../src/image/types.js';
import { compileConsumers } from '../../src/layer/consumers.js';
import { DEFAULT_LIMITS, type WalkLimits } from '../../src/layer/limits.js';
import type { Consumer } from '../../src/layer/types.js';
import { walkLayerStream } from '../../src/layer/walk-layer.js';
import { WalkResult } from '../../src/layer/walk-result.js';
import {
  type BuiltLayer,
  buildLayer,
  layerFromTar,
  sha256,
  tarOf,
} from '../helpers/image-builder.js';

const everything: Consumer<number> = {
  name: 'all',
  version: 1,
  patterns: ['**'],
  maxFileSize: 1 << 20,
  extract: (bytes) => bytes.length,
};

function refOf(layer: BuiltLayer, index = 0): LayerRef {
  return {
    index,
    digest: layer.digest,
    diffId: layer.diffId,
    size: layer.blob.length,
    mediaType: layer.mediaType,
  };
}

async function walk(layer: BuiltLayer, limits: Partial<WalkLimits> = {}, ref = refOf(layer)) {
  return walkLayerStream(Readable.from([layer.blob]), ref, compileConsumers([everything]), {
    ...DEFAULT_LIMITS,
    ...limits,
  });
}

/** A ustar header block for `name` declaring `size`, with a correct checksum. */
function header(name: string, size: number, type = '0'): Buffer {
  const b = Buffer.alloc(512);
  b.write(name, 0, 100, 'utf8');
  b.write('0000644\0', 100);
  b.write('0000000\0', 108);
  b.write('0000000\0', 116);
  b.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  b.write('00000000000\0', 136);
  b.write(type, 156);
  b.write('ustar\0', 257);
  b.write('00', 263);
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return b;
}

let outside: string;

beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'drydock-outside-'));
});

afterAll(async () => {
  // Nothing any hostile layer did may have created files outside the cache.
  expect(await readdir(outside)).toEqual([]);
  await rm(outside, { recursive: true, force: true });
});

describe('layer walk on hostile input', () => {
  it('skips entries that climb out of the root with ..', async () => {
    const layer = await buildLayer([
      { name: '../../evil', content: 'x' },
      { name: `../../../../..${outside}/planted`, content: 'x' },
      { name: 'ok/../../escape', content: 'x' },
      { name: 'fine/../inside', content: 'y' },
    ]);
    const { record } = await walk(layer);
    expect(record.entries.map((e) => e.path)).toEqual(['inside']);
    expect(record.diagnostics.map((d) => d.code)).toEqual([
      'path-escapes-root',
      'path-escapes-root',
      'path-escapes-root',
    ]);
  });

  it('reads absolute names inside the root and says so', async () => {
    const layer = await buildLayer([{ name: '/etc/passwd', content: 'root:x:0:0' }]);
    const { record, values } = await walk(layer);
    expect(record.entries.map((e) => e.path)).toEqual(['etc/passwd']);
    expect(record.diagnostics[0]).toMatchObject({ code: 'absolute-path', path: 'etc/passwd' });
    expect(values.get('all')).toEqual({ 'etc/passwd': 10 });
  });

  it('never follows a symlink out of the root, and reports writes through one', async () => {
    const layer = await buildLayer([
      { name: 'escape', type: 'symlink', linkname: '../../../../../../tmp' },
      { name: 'abs', type: 'symlink', linkname: outside },
      { name: 'escape/planted', content: 'payload' },
      { name: 'abs/planted', content: 'payload' },
    ]);
    const out = await walk(layer);
    const result = new WalkResult(
      [{ index: 0, diffId: layer.diffId }],
      [out.record],
      [out.values],
      [],
    );

    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['write-through-symlink', 'escape/planted'],
      ['write-through-symlink', 'abs/planted'],
    ]);
    // Links resolve inside the root: `..` stops at it, absolute targets start at it.
    expect(result.squashed.resolve('escape/planted')).toBeUndefined();
    expect(result.squashed.resolve('abs')).toBeUndefined();
  });

  it('reports hard links whose target is missing', async () => {
    const layer = await buildLayer([{ name: 'bin/link', type: 'link', linkname: 'bin/missing' }]);
    const { record } = await walk(layer);
    expect(record.diagnostics).toEqual([
      expect.objectContaining({ code: 'hardlink-target-missing', path: 'bin/link' }),
    ]);
  });

  it('gives a hard link the value of its target', async () => {
    const layer = await buildLayer([
      { name: 'bin/real', content: 'abc' },
      { name: 'bin/alias', type: 'link', linkname: 'bin/real' },
    ]);
    const { values } = await walk(layer);
    expect(values.get('all')).toEqual({ 'bin/real': 3, 'bin/alias': 3 });
  });

  it('fails a truncated gzip layer with a message naming the layer', async () => {
    const layer = await buildLayer([{ name: 'a', content: 'x'.repeat(100_000) }]);
    const cut = layer.blob.subarray(0, layer.blob.length - 200);
    const truncated = { ...layer, blob: cut, digest: sha256(cut) };
    await expect(walk(truncated)).rejects.toMatchObject({
      code: 'LAYER_CORRUPT',
      message: expect.stringContaining(`layer 0 (${truncated.digest})`),
    });
  });

  it('fails a corrupt zstd layer', async () => {
    const layer = await buildLayer([{ name: 'a', content: 'hello '.repeat(10_000) }], 'zstd');
    const bad = Buffer.from(layer.blob);
    for (let i = 20; i < 60; i++) bad[i] = 0xaa;
    await expect(walk({ ...layer, blob: bad, digest: sha256(bad) })).rejects.toMatchObject({
      code: 'LAYER_CORRUPT',
    });
  });

  it('stops a gzip bomb at the inflation ratio bound', async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const tarBytes = Buffer.concat([header('bomb', zeros.length), zeros, Buffer.alloc(1024)]);
    const bomb = layerFromTar(tarBytes, 'gzip');
    expect(bomb.blob.length).toBeLessThan(zeros.length / 500);
    await expect(walk(bomb, { ratioGraceBytes: 1 << 20, maxRatio: 100 })).rejects.toMatchObject({
      code: 'LAYER_TOO_LARGE',
      message: expect.stringContaining('decompression bomb'),
    });
  });

  it('stops a layer that inflates past the absolute bound', async () => {
    const layer = await buildLayer([{ name: 'big', content: Buffer.alloc(4 << 20, 1) }]);
    await expect(walk(layer, { maxInflatedBytes: 1 << 20 })).rejects.toMatchObject({
      code: 'LAYER_TOO_LARGE',
    });
  });

  it('fails a header that declares more data than the layer holds', async () => {
    const tarBytes = Buffer.concat([header('huge', 0o77777777777), Buffer.alloc(2048, 7)]);
    await expect(walk(layerFromTar(tarBytes, 'gzip'))).rejects.toMatchObject({
      code: 'LAYER_CORRUPT',
      message: expect.stringContaining('truncated inside huge'),
    });
  });

  it('refuses a pax header larger than the metadata bound', async () => {
    const big = 8 << 20;
    const tarBytes = Buffer.concat([header('PaxHeader', big, 'x'), Buffer.alloc(big, 0x61)]);
    await expect(walk(layerFromTar(tarBytes, 'gzip'))).rejects.toMatchObject({
      code: 'LAYER_CORRUPT',
      message: expect.stringContaining('metadata record'),
    });
  });

  it('fails a block with a bad checksum', async () => {
    const block = header('file', 0);
    block[0] = 0x41;
    await expect(
      walk(layerFromTar(Buffer.concat([block, Buffer.alloc(1024)]), 'none')),
    ).rejects.toMatchObject({
      code: 'LAYER_CORRUPT',
      message: expect.stringContaining('checksum'),
    });
  });

  it('skips a 5,000-character name with a diagnostic and keeps the rest', async () => {
    const long = `${'d/'.repeat(2500)}f`;
    const layer = await buildLayer([
      { name: long, content: 'x' },
      { name: 'after', content: 'y' },
    ]);
    const { record } = await walk(layer);
    expect(record.entries.map((e) => e.path)).toEqual(['after']);
    expect(record.diagnostics[0]?.code).toBe('path-too-long');
    expect(record.diagnostics[0]?.path?.length).toBeLessThan(200);
  });

  it('accepts a long but legal name carried in a pax header', async () => {
    const name = `${'segment/'.repeat(40)}file.txt`;
    const { record } = await walk(await buildLayer([{ name, content: 'z' }]));
    expect(record.entries.map((e) => e.path)).toEqual([name]);
  });

  it('fails when the uncompressed content does not match the diff-id', async () => {
    const layer = await buildLayer([{ name: 'a', content: 'x' }]);
    const ref = { ...refOf(layer), diffId: sha256(Buffer.from('something else')) };
    await expect(walk(layer, {}, ref)).rejects.toMatchObject({ code: 'DIFF_ID_MISMATCH' });
  });

  it('fails when the blob does not match its digest', async () => {
    const layer = await buildLayer([{ name: 'a', content: 'x' }]);
    const ref = { ...refOf(layer), digest: sha256(Buffer.from('other')) };
    await expect(walk(layer, {}, ref)).rejects.toMatchObject({ code: 'BLOB_DIGEST_MISMATCH' });
  });

  it('fails a blob that streams more bytes than its descriptor declares', async () => {
    const layer = await buildLayer([{ name: 'a', content: 'x' }]);
    const ref = { ...refOf(layer), size: 10 };
    await expect(walk(layer, {}, ref)).rejects.toMatchObject({ code: 'BLOB_TOO_LARGE' });
  });

  it('reads a file too large for a consumer as metadata only', async () => {
    const layer = await buildLayer([{ name: 'big', content: Buffer.alloc(2 << 20) }]);
    const { record, values } = await walk(layer);
    expect(record.entries[0]?.size).toBe(2 << 20);
    expect(values.get('all')).toEqual({});
    expect(record.diagnostics[0]).toMatchObject({ code: 'file-too-large', consumer: 'all' });
  });

  it('rejects whiteouts that name nothing', async () => {
    const layer = await buildLayer([{ name: 'dir/.wh.', content: '' }]);
    const { record } = await walk(layer);
    expect(record.whiteouts).toEqual([]);
    expect(record.diagnostics[0]?.code).toBe('bad-whiteout');
  });

  it('never turns a hostile digest into a cache path', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'drydock-cache-'));
    const cache = new LayerCache(cacheDir);
    const record = {
      diffId: '',
      entries: [],
      whiteouts: [],
      opaqueDirs: [],
      diagnostics: [],
      inflatedBytes: 0,
    };
    expect(await cache.readRecord('sha256:../../../etc')).toBeUndefined();
    // A refused write costs a cache entry, not the scan: it resolves and writes nothing.
    await cache.write('sha256:../../x', record, new Map([['all@1', {}]]));
    expect(await readdir(cacheDir)).toEqual([]);
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('treats data that is neither gzip, zstd nor tar as corrupt', async () => {
    const junk = Buffer.from('this is not a layer at all, just text'.repeat(30));
    const layer = {
      tar: junk,
      blob: junk,
      diffId: sha256(junk),
      digest: sha256(junk),
      mediaType: 'x',
    };
    await expect(walk(layer)).rejects.toMatchObject({ code: 'LAYER_CORRUPT' });
  });

  it('handles a gzip stream of several members', async () => {
    const tarBytes = await tarOf([{ name: 'a', content: 'x'.repeat(3000) }]);
    const blob = Buffer.concat([
      gzipSync(tarBytes.subarray(0, 1024)),
      gzipSync(tarBytes.subarray(1024)),
    ]);
    const layer = {
      tar: tarBytes,
      blob,
      diffId: sha256(tarBytes),
      digest: sha256(blob),
      mediaType: 'x',
    };
    const { values } = await walk(layer);
    expect(values.get('all')).toEqual({ a: 3000 });
  });

  it('stops reading a file for a consumer that refuses its first bytes', async () => {
    const seen: string[] = [];
    const textOnly: Consumer<number> = {
      ...everything,
      name: 'text-only',
      accepts: (head) => head.indexOf(0) === -1,
      extract: (bytes, file) => {
        seen.push(file.entry.path);
        return bytes.length;
      },
    };
    const layer = await buildLayer([
      {
        name: 'bin/tool',
        content: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), Buffer.alloc(50_000, 1)]),
      },
      { name: 'etc/config', content: 'key=value\n'.repeat(5000) },
    ]);
    const out = await walkLayerStream(
      Readable.from([layer.blob]),
      refOf(layer),
      compileConsumers([textOnly, everything]),
      DEFAULT_LIMITS,
    );
    expect(seen).toEqual(['etc/config']);
    expect(out.values.get('text-only')).toEqual({ 'etc/config': 50_000 });
    expect(out.values.get('all')).toEqual({ 'bin/tool': 50_005, 'etc/config': 50_000 });
  });

  it('never reads excluded paths for a consumer, even where its patterns match', async () => {
    const docsExcluded: Consumer<number> = {
      ...everything,
      name: 'no-docs',
      exclude: ['usr/share/doc/**'],
    };
    const layer = await buildLayer([
      { name: 'usr/share/doc/pkg/README', content: 'docs' },
      { name: 'etc/app.conf', content: 'conf' },
    ]);
    const out = await walkLayerStream(
      Readable.from([layer.blob]),
      refOf(layer),
      compileConsumers([docsExcluded]),
      DEFAULT_LIMITS,
    );
    expect(out.values.get('no-docs')).toEqual({ 'etc/app.conf': 4 });
  });
});
