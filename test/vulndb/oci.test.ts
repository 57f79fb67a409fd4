import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDb, openDb, parseSourceArg } from '../../src/vulndb/index.js';
import { pullDb, pushDb } from '../../src/vulndb/oci.js';
import { startRegistry, TEST_PASSWORD, TEST_USER, type TestRegistry } from '../helpers/registry.js';

const REGISTRY_BIN = '/usr/bin/docker-registry';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const ghsaDir = path.resolve(repoRoot, '../shared/data/advisories/ghsa-selected');

let work: string;
let registry: ChildProcess | undefined;
let host: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForRegistry(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`registry at ${url} did not start`);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'drydock-vulndb-oci-'));
  const port = await freePort();
  host = `127.0.0.1:${port}`;
  const config = path.join(work, 'config.yml');
  await writeFile(
    config,
    [
      'version: 0.1',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(work, 'store')}`,
      'http:',
      `  addr: ${host}`,
      '',
    ].join('\n'),
  );
  registry = spawn(REGISTRY_BIN, ['serve', config], { stdio: 'ignore' });
  await waitForRegistry(`http://${host}/v2/`);
});

afterAll(async () => {
  registry?.kill();
  await rm(work, { recursive: true, force: true });
});

describe('vulndb push and pull through a local docker-registry', () => {
  it('requires the registry binary', () => {
    expect(existsSync(REGISTRY_BIN)).toBe(true);
  });

  it('round-trips the db as an OCI artifact, falling back past a missing mirror', async () => {
    const built = path.join(work, 'built.sqlite');
    await buildDb([parseSourceArg(ghsaDir)], built, new Date('2026-02-03T00:00:00Z'));

    await pushDb(built, `${host}/drydock/vulndb:1`);
    const pulled = path.join(work, 'pulled.sqlite');
    const used = await pullDb([`${host}/drydock/missing:1`, `${host}/drydock/vulndb:1`], pulled);

    expect(used).toBe(`${host}/drydock/vulndb:1`);
    expect(await readFile(pulled)).toEqual(await readFile(built));
    const db = openDb(pulled);
    expect(db.status().builtAt).toBe('2026-02-03T00:00:00.000Z');
    expect(db.advisoriesFor('npm', 'minimist').map((a) => a.id)).toEqual(['GHSA-xvch-5gv4-984h']);
    db.close();
  });

  it('refuses an image that is not a db artifact and leaves the local db alone', async () => {
    const target = path.join(work, 'untouched.sqlite');
    await writeFile(target, 'previous');

    await expect(pullDb([`${host}/drydock/nothing:1`], target)).rejects.toThrow(/no mirror served/);
    expect(await readFile(target, 'utf8')).toBe('previous');
  });
});

describe('vulndb push and pull through a token-auth registry', () => {
  let tokenRegistry: TestRegistry;
  let dbPath: string;

  beforeAll(async () => {
    tokenRegistry = await startRegistry('token');
    dbPath = path.join(work, 'token-source.sqlite');
    await buildDb([parseSourceArg(ghsaDir)], dbPath);
  }, 60_000);

  afterAll(async () => {
    await tokenRegistry?.stop();
  });

  it('answers the bearer challenge with the given credentials, for push and for pull', async () => {
    const ref = `${tokenRegistry.host}/security/vulndb:token`;
    const login = { username: TEST_USER, password: TEST_PASSWORD, insecure: true };
    await pushDb(dbPath, ref, login);
    const pulled = path.join(work, 'token-pulled.sqlite');
    await pullDb([ref], pulled, login);
    expect(await readFile(pulled)).toEqual(await readFile(dbPath));
    expect(tokenRegistry.tokenRequests.some((r) => r.authorized && r.scope?.includes('push'))).toBe(
      true,
    );
  });

  it('refuses an anonymous push with an auth error naming the registry', async () => {
    await expect(
      pushDb(dbPath, `${tokenRegistry.host}/security/vulndb:anon`),
    ).rejects.toMatchObject({
      code: 'REGISTRY_AUTH',
    });
  });

  it('never sends credentials to a plain-http token realm unless told to', async () => {
    const login = { username: TEST_USER, password: TEST_PASSWORD };
    await expect(
      pushDb(dbPath, `${tokenRegistry.host}/security/vulndb:x`, login),
    ).rejects.toMatchObject({
      code: 'REGISTRY_AUTH',
      message: expect.stringContaining('refusing to send credentials'),
    });
  });
});
