import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLATFORM } from '../../src/image/platform.js';
import { openImage, openInput } from '../../src/image/sources.js';
import type { OpenedImage, Platform } from '../../src/image/types.js';
import { walkImage } from '../../src/layer/index.js';
import {
  buildImage,
  buildLayer,
  tarOf,
  writeDockerArchive,
  writeOciLayout,
} from '../helpers/image-builder.js';
import { buildImage as umociImage } from '../helpers/umoci-image.js';

const opts = (platform: Platform = DEFAULT_PLATFORM) => ({
  platform,
  insecure: false,
  cacheDir: join(tmpdir(), 'unused'),
  maxManifestBytes: 1 << 20,
});

function skopeo(...args: string[]): void {
  execFileSync('skopeo', ['--insecure-policy', ...args], { stdio: 'pipe' });
}

/** The squashed file listing with contents' layers: what every source must agree on. */
async function listing(image: OpenedImage): Promise<string[]> {
  try {
    const walk = await walkImage(image, []);
    return [...walk.squashed.entries()]
      .map((p) => `${p.layer}:${p.entry.type}:${p.entry.path}`)
      .sort();
  } finally {
    await image.close();
  }
}

let dir: string;
let layout: string;
let expected: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drydock-sources-'));
  layout = join(dir, 'layout');
  const amd = buildImage({
    layers: [
      await buildLayer([
        { name: 'etc/os-release', content: 'ID=debian\n' },
        { name: 'bin/sh', content: 'elf' },
      ]),
      await buildLayer([{ name: 'app/main.js', content: 'console.log(1)' }], 'zstd'),
    ],
  });
  const arm = buildImage({
    architecture: 'arm64',
    variant: 'v8',
    layers: [await buildLayer([{ name: 'etc/arm', content: 'arm' }])],
  });
  await writeOciLayout(layout, [{ image: amd, tag: 'multi' }, { image: arm }], true);
  // skopeo cannot write zstd layers into a docker-archive, so this one is gzip only.
  const plain = buildImage({
    layers: [
      await buildLayer([
        { name: 'etc/os-release', content: 'ID=debian\n' },
        { name: 'bin/sh', content: 'elf' },
      ]),
      await buildLayer([
        { name: 'app/main.js', content: 'console.log(1)' },
        { name: 'app/', type: 'directory' },
      ]),
    ],
  });
  await writeOciLayout(join(dir, 'single'), [{ image: plain, tag: 'v1' }]);
  expected = await listing(await openImage(`oci:${join(dir, 'single')}:v1`, opts()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('image sources', () => {
  it('selects a platform from a multi-platform OCI index', async () => {
    const amd = await openImage(`oci:${layout}:multi`, opts());
    expect(amd.indexDigest).toMatch(/^sha256:/);
    expect(amd.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(await listing(amd)).toEqual([
      '0:file:bin/sh',
      '0:file:etc/os-release',
      '1:file:app/main.js',
    ]);

    const arm = await openImage(
      `oci:${layout}:multi`,
      opts({ os: 'linux', architecture: 'arm64' }),
    );
    expect(await listing(arm)).toEqual(['0:file:etc/arm']);
  });

  it('names the platforms on offer when the wanted one is missing', async () => {
    await expect(
      openImage(`oci:${layout}:multi`, opts({ os: 'linux', architecture: 's390x' })),
    ).rejects.toMatchObject({
      code: 'PLATFORM_NOT_FOUND',
      message: expect.stringContaining('linux/amd64, linux/arm64/v8'),
    });
  });

  it('reads docker-archive, oci-archive and dir written by skopeo', async () => {
    const src = `oci:${join(dir, 'single')}:v1`;
    skopeo('copy', src, `docker-archive:${join(dir, 'd.tar')}:example/app:1`);
    skopeo('copy', src, `oci-archive:${join(dir, 'o.tar')}:v1`);
    skopeo('copy', src, `dir:${join(dir, 'skopeo-dir')}`);

    const docker = await openImage(`docker-archive:${join(dir, 'd.tar')}`, opts());
    expect(docker.repoTags).toEqual(['docker.io/example/app:1']);
    expect(await listing(docker)).toEqual(expected);
    expect(await listing(await openImage(`oci-archive:${join(dir, 'o.tar')}:v1`, opts()))).toEqual(
      expected,
    );
    expect(await listing(await openImage(`dir:${join(dir, 'skopeo-dir')}`, opts()))).toEqual(
      expected,
    );
  });

  it('detects the kind of an --input archive or layout from its content', async () => {
    const archive = join(dir, 'built.tar');
    const image = buildImage({ layers: [await buildLayer([{ name: 'x', content: 'y' }])] });
    await writeDockerArchive(archive, image, ['built:1']);
    expect((await openInput(archive, opts())).source).toBe('docker-archive');
    expect((await openInput(join(dir, 'o.tar'), opts())).source).toBe('oci-archive');
    expect((await openInput(join(dir, 'single'), opts())).source).toBe('oci-layout');
    expect((await openInput(join(dir, 'skopeo-dir'), opts())).source).toBe('dir');
  });

  it('reads images built by umoci', async () => {
    const umoci = join(dir, 'umoci');
    umociImage(umoci, 'u1', {
      files: { 'etc/hello': 'hi', 'usr/share/doc/x': 'doc' },
      user: '1000',
    });
    const image = await openImage(`oci:${umoci}:u1`, opts());
    expect(image.config.config?.User).toBe('1000');
    const files = await listing(image);
    expect(files).toContain('0:file:etc/hello');
    expect(files).toContain('1:file:usr/share/doc/x');
  });

  it('refuses archives that are not images with a clear message', async () => {
    const junk = join(dir, 'junk.tar');
    await writeFile(junk, await tarOf([{ name: 'readme', content: 'hi' }]));
    await expect(openInput(junk, opts())).rejects.toMatchObject({ code: 'SOURCE_UNSUPPORTED' });
    await expect(openImage(`oci:${join(dir, 'nope')}`, opts())).rejects.toMatchObject({
      code: 'SOURCE_NOT_FOUND',
    });
  });

  it('fails on a blob whose bytes were tampered with, naming it', async () => {
    const tampered = join(dir, 'tampered');
    const layer = await buildLayer([{ name: 'a', content: 'original' }]);
    await writeOciLayout(tampered, [{ image: buildImage({ layers: [layer] }), tag: 't' }]);
    const bad = await buildLayer([{ name: 'a', content: 'tampered' }]);
    await writeFile(join(tampered, 'blobs', 'sha256', layer.digest.slice(7)), bad.blob);
    const image = await openImage(`oci:${tampered}:t`, opts());
    await expect(walkImage(image, [])).rejects.toMatchObject({
      code: 'BLOB_DIGEST_MISMATCH',
      message: expect.stringContaining(layer.digest),
    });
  });

  it('reports a missing blob by digest', async () => {
    const missing = join(dir, 'missing');
    const layer = await buildLayer([{ name: 'a', content: 'x' }]);
    await writeOciLayout(missing, [{ image: buildImage({ layers: [layer] }), tag: 't' }]);
    await rm(join(missing, 'blobs', 'sha256', layer.digest.slice(7)));
    const image = await openImage(`oci:${missing}:t`, opts());
    await expect(walkImage(image, [])).rejects.toMatchObject({
      code: 'BLOB_MISSING',
      message: expect.stringContaining(layer.digest.slice(7)),
    });
  });
});
