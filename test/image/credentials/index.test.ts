import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../../src/image/credentials/index.js';
import { createRegistrySource } from '../../../src/image/registry/index.js';
import type { OpenOptions } from '../../../src/image/types.js';
import {
  startRegistry,
  TEST_PASSWORD,
  TEST_USER,
  type TestRegistry,
} from '../../helpers/registry.js';
import { buildImage, pushImage } from '../../helpers/umoci-image.js';
import { filesOfImage } from '../registry/read-image.js';

const FAST_RETRY = { attempts: 2, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 100 };
const base64 = (s: string) => Buffer.from(s).toString('base64');

function options(extra: Partial<OpenOptions> = {}): OpenOptions {
  return {
    platform: { os: 'linux', architecture: 'amd64' },
    insecure: true,
    cacheDir: os.tmpdir(),
    maxManifestBytes: 1 << 20,
    ...extra,
  };
}

/** Writes a credential helper that knows one server and says "not found" for others. */
function writeHelper(dir: string, name: string, server: string, user: string, secret: string) {
  const file = path.join(dir, `docker-credential-${name}`);
  const answer = JSON.stringify({ ServerURL: server, Username: user, Secret: secret });
  const script = [
    '#!/bin/sh',
    '[ "$1" = get ] || exit 2',
    'read -r server || true',
    `if [ "$server" = '${server}' ]; then printf '%s' '${answer}'; exit 0; fi`,
    'echo "credentials not found in native keychain"',
    'exit 1',
    '',
  ].join('\n');
  writeFileSync(file, script);
  chmodSync(file, 0o755);
}

describe('credentials, resolved for a real basic-auth registry', () => {
  let registry: TestRegistry;
  let work: string;
  let ref: string;

  beforeAll(async () => {
    registry = await startRegistry('basic');
    work = mkdtempSync(path.join(os.tmpdir(), 'drydock-creds-'));
    buildImage(path.join(work, 'layout'), 'v1', { files: { 'etc/hostname': 'creds\n' } });
    const creds = `${TEST_USER}:${TEST_PASSWORD}`;
    await pushImage(path.join(work, 'layout'), 'v1', `${registry.host}/private/app:v1`, { creds });
    ref = `${registry.host}/private/app:v1`;
  });

  afterAll(async () => {
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function openWith(env: NodeJS.ProcessEnv, extra: Partial<OpenOptions> = {}) {
    const source = createRegistrySource({ retry: FAST_RETRY, env });
    const image = await source.open(ref, options(extra));
    try {
      return await filesOfImage(image);
    } finally {
      await image.close();
    }
  }

  it('reads base64 auths from an explicit auth file', async () => {
    const file = path.join(work, 'auth-file.json');
    const auth = base64(`${TEST_USER}:${TEST_PASSWORD}`);
    writeFileSync(file, JSON.stringify({ auths: { [`http://${registry.host}`]: { auth } } }));
    const env = { HOME: '/nonexistent', PATH: '' };
    expect(await openWith(env, { authFile: file })).toEqual({ 'etc/hostname': 'creds\n' });
  });

  it('reads username and password entries from $DOCKER_CONFIG/config.json', async () => {
    const dir = path.join(work, 'docker-config');
    mkdirSync(dir, { recursive: true });
    const entry = { username: TEST_USER, password: TEST_PASSWORD };
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ auths: { [registry.host]: entry } }),
    );
    const env = { DOCKER_CONFIG: dir, HOME: '/nonexistent', PATH: '' };
    expect(await openWith(env)).toEqual({ 'etc/hostname': 'creds\n' });
  });

  it('runs a credHelpers program found on PATH with the registry on stdin', async () => {
    const bin = path.join(work, 'bin');
    mkdirSync(bin, { recursive: true });
    writeHelper(bin, 'testhelper', registry.host, TEST_USER, TEST_PASSWORD);
    const file = path.join(work, 'helper-config.json');
    writeFileSync(file, JSON.stringify({ credHelpers: { [registry.host]: 'testhelper' } }));

    const env = { HOME: '/nonexistent', PATH: `${bin}${path.delimiter}${process.env.PATH}` };
    expect(await openWith(env, { authFile: file })).toEqual({ 'etc/hostname': 'creds\n' });
  });

  it('fails with REGISTRY_AUTH naming the registry for a wrong password in the file', async () => {
    const file = path.join(work, 'wrong.json');
    const auth = base64(`${TEST_USER}:nope`);
    writeFileSync(file, JSON.stringify({ auths: { [registry.host]: { auth } } }));
    const open = openWith({ HOME: '/nonexistent', PATH: '' }, { authFile: file });
    await expect(open).rejects.toMatchObject({
      code: 'REGISTRY_AUTH',
      message: expect.stringContaining(`registry ${registry.host}`),
    });
  });
});

describe('credentials, lookup order', () => {
  let work: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'drydock-order-'));
    mkdirSync(path.join(work, 'bin'));
    writeHelper(path.join(work, 'bin'), 'store', 'ghcr.io', 'from-store', 'store-secret');
    writeHelper(
      path.join(work, 'bin'),
      'hub',
      'https://index.docker.io/v1/',
      '<token>',
      'refresh-me',
    );
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function withConfig(config: unknown): { authFile: string; env: NodeJS.ProcessEnv } {
    const authFile = path.join(work, `config-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(authFile, JSON.stringify(config));
    return { authFile, env: { PATH: path.join(work, 'bin'), HOME: '/nonexistent' } };
  }

  it('prefers explicit username and password over any file', async () => {
    const found = await resolveCredentials('ghcr.io', {
      username: 'u',
      password: 'p',
      authFile: path.join(work, 'missing.json'),
    });
    expect(found).toMatchObject({ kind: 'basic', username: 'u', password: 'p' });
  });

  it.each([
    ['a username alone', { username: 'u' }],
    ['a password alone', { password: 'p' }],
  ])('rejects %s as USAGE', async (_name, given) => {
    await expect(resolveCredentials('ghcr.io', given)).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('asks the credsStore before plain auths entries', async () => {
    const auth = base64('from-file:file-secret');
    const opts = withConfig({ credsStore: 'store', auths: { 'ghcr.io': { auth } } });
    const found = await resolveCredentials('ghcr.io', opts);
    expect(found).toMatchObject({ username: 'from-store', password: 'store-secret' });
  });

  it('falls back to auths when the store has nothing for the registry', async () => {
    const auth = base64('from-file:file-secret');
    const opts = withConfig({ credsStore: 'store', auths: { 'quay.io': { auth } } });
    const found = await resolveCredentials('quay.io', opts);
    expect(found).toMatchObject({ username: 'from-file', password: 'file-secret' });
  });

  it('skips a credsStore whose program is not on PATH', async () => {
    const auth = base64('a:b');
    const opts = withConfig({ credsStore: 'desktop', auths: { 'quay.io': { auth } } });
    expect(await resolveCredentials('quay.io', opts)).toMatchObject({ username: 'a' });
  });

  it('passes the Hub legacy URL to helpers and maps <token> to an identity token', async () => {
    const opts = withConfig({ credHelpers: { 'docker.io': 'hub' } });
    const found = await resolveCredentials('docker.io', opts);
    expect(found).toMatchObject({ kind: 'identity-token', token: 'refresh-me' });
  });

  it('finds the Hub entry stored under https://index.docker.io/v1/', async () => {
    const auth = base64('hubuser:hubpass');
    const opts = withConfig({ auths: { 'https://index.docker.io/v1/': { auth } } });
    expect(await resolveCredentials('docker.io', opts)).toMatchObject({ username: 'hubuser' });
  });

  it('uses identitytoken entries as identity tokens', async () => {
    const opts = withConfig({ auths: { 'ghcr.io': { auth: '', identitytoken: 'idt' } } });
    expect(await resolveCredentials('ghcr.io', opts)).toMatchObject({ token: 'idt' });
  });

  it('returns undefined when the default config file does not exist', async () => {
    const env = { HOME: path.join(work, 'no-home'), PATH: '' };
    expect(await resolveCredentials('ghcr.io', { env })).toBeUndefined();
  });

  it('fails with CREDENTIALS when an explicit auth file is missing', async () => {
    const authFile = path.join(work, 'absent.json');
    await expect(resolveCredentials('ghcr.io', { authFile })).rejects.toMatchObject({
      code: 'CREDENTIALS',
      message: expect.stringContaining('absent.json'),
    });
  });
});
