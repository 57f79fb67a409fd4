import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drydock } from '../helpers/cli.js';
import { buildImage, buildLayer, writeOciLayout } from '../helpers/image-builder.js';

let dir: string;

function withoutTime(json: string): unknown {
  const { createdAt: _, ...rest } = JSON.parse(json);
  return rest;
}

let layout: string;
let tampered: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drydock-cli-'));
  layout = join(dir, 'layout');
  const layers = await Promise.all(
    [0, 1, 2, 3].map((i) =>
      buildLayer([{ name: `data/${i}.bin`, content: Buffer.alloc(200_000, i) }]),
    ),
  );
  await writeOciLayout(layout, [{ image: buildImage({ layers }), tag: 'v1' }]);

  tampered = join(dir, 'tampered');
  const good = await buildLayer([{ name: 'a', content: 'good' }]);
  await writeOciLayout(tampered, [{ image: buildImage({ layers: [good] }), tag: 't' }]);
  const evil = await buildLayer([{ name: 'a', content: 'evil' }]);
  await writeFile(join(tampered, 'blobs', 'sha256', good.digest.slice(7)), evil.blob);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('drydock image', () => {
  it('prints a JSON report of the image and its layers', async () => {
    const cache = join(dir, 'cache-json');
    const run = await drydock([
      'image',
      `oci:${layout}:v1`,
      '--format',
      'json',
      '--cache-dir',
      cache,
      '--scanners',
      'secret',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.target).toMatchObject({ kind: 'image', platform: 'linux/amd64' });
    expect(report.target.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(report.scanners).toEqual(['secret']);
    expect(report.inventory.packages).toEqual([]);
    expect(report.secrets).toEqual([]);
    expect(run.stderr).toBe('');
  });

  it('writes only inside its cache dir, and honours DRYDOCK_CACHE_DIR', async () => {
    const cache = join(dir, 'cache-env');
    const output = join(dir, 'out.txt');
    const run = await drydock(['image', `oci:${layout}:v1`, '-o', output, '--scanners', 'secret'], {
      DRYDOCK_CACHE_DIR: cache,
    });
    expect(run.code).toBe(0);
    expect((await readFile(output, 'utf8')).length).toBeGreaterThan(0);
    expect(await readdir(cache)).toEqual(['layers']);
  });

  it('lets two processes share one cache at once, then serves a third from it', async () => {
    const cache = join(dir, 'cache-shared');
    const copy = join(dir, 'layout-copy');
    await cp(layout, copy, { recursive: true });
    const args = [
      'image',
      `oci:${copy}:v1`,
      '--format',
      'json',
      '--cache-dir',
      cache,
      '--scanners',
      'secret',
    ];
    const [a, b] = await Promise.all([drydock(args), drydock(args)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(withoutTime(a.stdout)).toEqual(withoutTime(b.stdout));
    const leftovers = (await readdir(cache, { recursive: true })).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);

    // With every layer blob gone, only the cache can answer: a warm scan reads no layer.
    const manifest = JSON.parse(await readFile(join(copy, 'index.json'), 'utf8')).manifests[0]
      .digest;
    const layers = JSON.parse(
      await readFile(join(copy, 'blobs', 'sha256', manifest.slice(7)), 'utf8'),
    ).layers;
    for (const l of layers) await rm(join(copy, 'blobs', 'sha256', l.digest.slice(7)));
    const third = await drydock(args);
    expect(third.code).toBe(0);
    expect(withoutTime(third.stdout)).toEqual(withoutTime(a.stdout));
  });

  it('reports a tampered layer in one sentence, with no stack trace', async () => {
    const run = await drydock([
      'image',
      `oci:${tampered}:t`,
      '--cache-dir',
      join(dir, 'c2'),
      '--scanners',
      'secret',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^drydock: blob of layer 0 sha256:[a-f0-9]{64} does not match its content/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('shows the cause chain and stack with --debug', async () => {
    const run = await drydock([
      'image',
      `oci:${tampered}:t`,
      '--debug',
      '--cache-dir',
      join(dir, 'c3'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('    at ');
  });

  it('refuses a missing reference and an unknown format as usage errors', async () => {
    expect((await drydock(['image'])).code).toBe(2);
    const bad = await drydock(['image', `oci:${layout}:v1`, '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'xml' is invalid");
  });

  it('explains itself in --help', async () => {
    const run = await drydock(['image', '--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--format',
      '--output',
      '--cache-dir',
      '--quiet',
      '--debug',
      '--platform',
      '--input',
    ]) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toContain('drydock image docker.io/library/debian:12');
  });
});

describe('drydock fs', () => {
  it('walks a directory without following links out of it', async () => {
    const root = join(dir, 'rootfs');
    const { mkdir, symlink } = await import('node:fs/promises');
    await mkdir(join(root, 'etc'), { recursive: true });
    await writeFile(join(root, 'etc', 'os-release'), 'ID=test\n');
    await symlink('/etc', join(root, 'hostetc'));
    const run = await drydock(['rootfs', root, '--format', 'json', '--scanners', 'secret']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.target).toEqual({ kind: 'filesystem', name: root });
    expect(report.inventory.distro).toEqual({ id: 'test' });
  });
});

describe('drydock version', () => {
  it('prints the version', async () => {
    const run = await drydock(['version', '--format', 'json']);
    expect(JSON.parse(run.stdout).version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
