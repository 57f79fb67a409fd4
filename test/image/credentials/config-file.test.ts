import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  configPath,
  credentialsFromEntry,
  findKey,
  normaliseRegistryKey,
  readDockerConfig,
} from '../../../src/image/credentials/config-file.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'drydock-config-file-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('config-file normaliseRegistryKey', () => {
  it.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['docker.io', 'docker.io'],
    ['https://ghcr.io', 'ghcr.io'],
    ['http://localhost:5000/v2/', 'localhost:5000'],
    ['Quay.IO', 'quay.io'],
    ['127.0.0.1:5000', '127.0.0.1:5000'],
  ])('maps %s to %s', (key, want) => {
    expect(normaliseRegistryKey(key)).toBe(want);
  });
});

describe('config-file findKey', () => {
  it('prefers an exact key over a normalised one', () => {
    expect(findKey(['https://ghcr.io', 'ghcr.io'], 'ghcr.io')).toBe('ghcr.io');
  });

  it('does not match a registry that only shares a prefix', () => {
    expect(findKey(['ghcr.io.evil.example'], 'ghcr.io')).toBeUndefined();
  });
});

describe('config-file credentialsFromEntry', () => {
  it('splits base64 auth at the first colon so passwords may hold colons', () => {
    const auth = Buffer.from('user:pa:ss').toString('base64');
    expect(credentialsFromEntry({ auth }, 'x')).toMatchObject({
      username: 'user',
      password: 'pa:ss',
    });
  });

  it('ignores auth that decodes to no user:password pair', () => {
    expect(credentialsFromEntry({ auth: Buffer.from('nocolon').toString('base64') }, 'x')).toBe(
      undefined,
    );
  });

  it('treats an empty entry left by a credsStore as no credentials', () => {
    expect(credentialsFromEntry({}, 'x')).toBeUndefined();
  });
});

describe('config-file configPath', () => {
  it.each([
    ['explicit file wins', '/a/auth.json', { DOCKER_CONFIG: '/b', HOME: '/h' }, '/a/auth.json'],
    ['DOCKER_CONFIG next', undefined, { DOCKER_CONFIG: '/b', HOME: '/h' }, '/b/config.json'],
    ['HOME last', undefined, { HOME: '/h' }, '/h/.docker/config.json'],
    ['nothing known', undefined, {}, undefined],
  ])('%s', (_name, file, env, want) => {
    expect(configPath(file, env)).toBe(want);
  });
});

describe('config-file readDockerConfig on hostile files', () => {
  it.each([
    ['not JSON', '{"auths": ', /not valid JSON/],
    ['auths of the wrong type', '{"auths": ["x"]}', /invalid at auths/],
    ['credHelpers with a number', '{"credHelpers": {"ghcr.io": 1}}', /invalid at credHelpers/],
  ])('rejects %s with CREDENTIALS naming the file', async (_name, text, message) => {
    const file = path.join(work, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, text);
    const read = readDockerConfig(file, true);
    await expect(read).rejects.toMatchObject({ code: 'CREDENTIALS' });
    await expect(read).rejects.toThrow(message);
    await expect(read).rejects.toThrow(file);
  });

  it('keeps fields it does not know', async () => {
    const file = path.join(work, 'extra.json');
    writeFileSync(file, JSON.stringify({ auths: {}, experimental: 'enabled' }));
    expect(await readDockerConfig(file, true)).toMatchObject({ experimental: 'enabled' });
  });
});
