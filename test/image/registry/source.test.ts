import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDrydockError } from '../../../src/errors.js';
import { createRegistrySource } from '../../../src/image/registry/index.js';
import type { OpenOptions } from '../../../src/image/types.js';
import {
  type RegistryMode,
  startRegistry,
  TEST_PASSWORD,
  TEST_USER,
  type TestRegistry,
} from '../../helpers/registry.js';
import { buildImage, buildMultiPlatform, pushImage } from '../../helpers/umoci-image.js';
import { filesOfImage, readVerified } from './read-image.js';

const FAST_RETRY = { attempts: 2, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 100 };
// HOME points nowhere so a developer's own docker login cannot leak into these tests.
const ENV = { PATH: process.env.PATH, HOME: '/nonexistent' };

function options(extra: Partial<OpenOptions> = {}): OpenOptions {
  return {
    platform: { os: 'linux', architecture: 'amd64' },
    insecure: true,
    cacheDir: os.tmpdir(),
    maxManifestBytes: 4 * 1024 * 1024,
    ...extra,
  };
}

const LOGIN = { username: TEST_USER, password: TEST_PASSWORD };
const FILES = { 'etc/motd': 'welcome to drydock\n', 'app/version.txt': '1.2.3\n' };

async function expectCode(promise: Promise<unknown>, code: string, message: RegExp) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDrydockError(err) && err.code, String(err)).toBe(code);
  expect((err as Error).message).toMatch(message);
}

describe.each<RegistryMode>(['open', 'basic', 'token'])('registry source, %s registry', (mode) => {
  let registry: TestRegistry;
  let layout: string;
  let digest: string;
  const source = createRegistrySource({ retry: FAST_RETRY, env: ENV });
  const login = mode === 'open' ? {} : LOGIN;

  beforeAll(async () => {
    registry = await startRegistry(mode);
    layout = mkdtempSync(path.join(os.tmpdir(), 'drydock-layout-'));
    buildImage(layout, 'v1', { files: FILES, user: '1000' });
    const creds = mode === 'open' ? undefined : `${TEST_USER}:${TEST_PASSWORD}`;
    digest = await pushImage(layout, 'v1', `${registry.host}/team/app:v1`, { creds });
  });

  afterAll(async () => {
    await registry?.stop();
    if (layout) rmSync(layout, { recursive: true, force: true });
  });

  it('opens by tag and every blob verifies end to end', async () => {
    const image = await source.open(`${registry.host}/team/app:v1`, options(login));
    try {
      expect(image.source).toBe('registry');
      expect(image.manifestDigest).toBe(digest);
      expect(image.repoTags).toEqual([`${registry.host}/team/app:v1`]);
      expect(image.repoDigests).toEqual([`${registry.host}/team/app@${digest}`]);
      expect(image.config.config?.User).toBe('1000');
      expect(image.layers).toHaveLength(2);
      expect(image.layers.map((l) => l.diffId)).toEqual(image.config.rootfs.diff_ids);

      const config = await readVerified(image, {
        digest: image.configDigest,
        size: 1 << 20,
        mediaType: '',
      });
      expect(JSON.parse(config.toString()).rootfs.type).toBe('layers');
      expect(await filesOfImage(image)).toEqual(FILES);
    } finally {
      await image.close();
    }
  });

  it('opens by digest with a docker:// prefix', async () => {
    const image = await source.open(`docker://${registry.host}/team/app@${digest}`, options(login));
    try {
      expect(image.manifestDigest).toBe(digest);
      expect(image.repoTags).toEqual([]);
      expect(await filesOfImage(image)).toEqual(FILES);
    } finally {
      await image.close();
    }
  });

  it('reports a missing tag as SOURCE_NOT_FOUND', async () => {
    const ref = `${registry.host}/team/app:nope`;
    await expectCode(source.open(ref, options(login)), 'SOURCE_NOT_FOUND', /team\/app:nope/);
  });

  if (mode === 'basic') {
    it('asks for credentials when none are given', async () => {
      const ref = `${registry.host}/team/app:v1`;
      await expectCode(source.open(ref, options()), 'REGISTRY_AUTH', /credentials are required/);
    });
  }

  if (mode !== 'open') {
    it('rejects a wrong password with a sentence naming the registry', async () => {
      const ref = `${registry.host}/team/app:v1`;
      const wrong = options({ username: TEST_USER, password: 'wrong' });
      const pattern = new RegExp(`registry ${registry.host.replace('.', '\\.')}`);
      await expectCode(source.open(ref, wrong), 'REGISTRY_AUTH', pattern);
    });
  }

  if (mode === 'token') {
    it('pulls anonymously with a pull-scoped token and caches it per scope', async () => {
      const fresh = createRegistrySource({ retry: FAST_RETRY, env: ENV });
      const before = registry.tokenRequests.length;
      for (let round = 0; round < 2; round++) {
        const image = await fresh.open(`${registry.host}/team/app:v1`, options());
        expect(await filesOfImage(image)).toEqual(FILES);
        await image.close();
      }
      const made = registry.tokenRequests.slice(before);
      expect(made).toEqual([{ scope: 'repository:team/app:pull', authorized: false }]);
    });
  }
});

describe('registry source, image formats on an open registry', () => {
  let registry: TestRegistry;
  let layout: string;
  let arch: Record<string, string>;
  const source = createRegistrySource({ retry: FAST_RETRY, env: ENV });

  beforeAll(async () => {
    registry = await startRegistry('open');
    layout = mkdtempSync(path.join(os.tmpdir(), 'drydock-layout-'));
    arch = buildMultiPlatform(layout, 'multi');
    await pushImage(layout, 'multi', `${registry.host}/multi/app:1`, { all: true });
    buildImage(layout, 'docker', { files: { 'etc/issue': 'schema 2\n' } });
    await pushImage(layout, 'docker', `${registry.host}/legacy/app:1`, { format: 'v2s2' });
  });

  afterAll(async () => {
    await registry?.stop();
    if (layout) rmSync(layout, { recursive: true, force: true });
  });

  it.each(['amd64', 'arm64'])('selects linux/%s from a multi-platform index', async (want) => {
    const platform = { os: 'linux', architecture: want };
    const image = await source.open(`${registry.host}/multi/app:1`, options({ platform }));
    try {
      expect(image.manifestDigest).toBe(arch[want]);
      expect(image.indexDigest).toMatch(/^sha256:/);
      expect(image.repoDigests).toEqual([`${registry.host}/multi/app@${image.indexDigest}`]);
      expect(image.platform).toEqual(platform);
      expect(image.config.architecture).toBe(want);
      expect(await filesOfImage(image)).toEqual({ 'etc/arch': `${want}\n` });
    } finally {
      await image.close();
    }
  });

  it('names the platforms on offer when the wanted one is missing', async () => {
    const platform = { os: 'linux', architecture: 's390x' };
    const open = source.open(`${registry.host}/multi/app:1`, options({ platform }));
    await expectCode(open, 'PLATFORM_NOT_FOUND', /linux\/s390x.*linux\/amd64, linux\/arm64/);
  });

  it('reads docker schema 2 manifests', async () => {
    const image = await source.open(`${registry.host}/legacy/app:1`, options());
    try {
      expect(image.layers[0]?.mediaType).toBe('application/vnd.docker.image.rootfs.diff.tar.gzip');
      expect(await filesOfImage(image)).toEqual({ 'etc/issue': 'schema 2\n' });
    } finally {
      await image.close();
    }
  });
});
