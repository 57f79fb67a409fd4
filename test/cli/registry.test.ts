import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drydock } from '../helpers/cli.js';
import { startRegistry, TEST_PASSWORD, TEST_USER, type TestRegistry } from '../helpers/registry.js';
import { buildImage, buildMultiPlatform, pushImage } from '../helpers/umoci-image.js';

/** `drydock image` against a real registry, as a user would run it. */
let dir: string;
let open: TestRegistry;
let basic: TestRegistry;
const env = (extra: NodeJS.ProcessEnv = {}) => ({
  HOME: '/nonexistent',
  DOCKER_CONFIG: '',
  ...extra,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drydock-cli-registry-'));
  const layout = join(dir, 'layout');
  buildImage(layout, 'v1', { files: { 'etc/os-release': 'ID=alpine\nVERSION_ID=3.19.0\n' } });
  buildMultiPlatform(join(dir, 'multi'), 'm1');
  [open, basic] = await Promise.all([startRegistry('open'), startRegistry('basic')]);
  await pushImage(layout, 'v1', `${open.host}/app/one:v1`);
  await pushImage(join(dir, 'multi'), 'm1', `${open.host}/app/multi:m1`, { all: true });
  await pushImage(layout, 'v1', `${basic.host}/app/one:v1`, {
    creds: `${TEST_USER}:${TEST_PASSWORD}`,
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([open?.stop(), basic?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

describe('drydock image against a registry', () => {
  it('pulls an image anonymously over plain HTTP with --insecure', async () => {
    const run = await drydock(
      [
        'image',
        `${open.host}/app/one:v1`,
        '--insecure',
        '--scanners',
        'secret',
        '--format',
        'json',
        '--cache-dir',
        join(dir, 'c1'),
      ],
      env(),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.inventory.distro).toMatchObject({ id: 'alpine', versionId: '3.19.0' });
    expect(report.target.digest).toMatch(/^sha256:/);
  });

  it('picks the platform from a multi-platform index', async () => {
    const args = [
      'image',
      `${open.host}/app/multi:m1`,
      '--insecure',
      '--scanners',
      'secret',
      '--format',
      'json',
      '--cache-dir',
      join(dir, 'c2'),
    ];
    const amd = JSON.parse((await drydock(args, env())).stdout);
    const arm = JSON.parse((await drydock([...args, '--platform', 'linux/arm64'], env())).stdout);
    expect(amd.target.platform).toBe('linux/amd64');
    expect(arm.target.platform).toMatch(/^linux\/arm64/);
    expect(arm.target.digest).not.toBe(amd.target.digest);
  });

  it('logs in with --username and --password, or DRYDOCK_USERNAME and DRYDOCK_PASSWORD', async () => {
    const ref = `${basic.host}/app/one:v1`;
    const flags = await drydock(
      [
        'image',
        ref,
        '--insecure',
        '--scanners',
        'secret',
        '--username',
        TEST_USER,
        '--password',
        TEST_PASSWORD,
        '--cache-dir',
        join(dir, 'c3'),
      ],
      env(),
    );
    expect(flags.code).toBe(0);
    const vars = await drydock(
      ['image', ref, '--insecure', '--scanners', 'secret', '--cache-dir', join(dir, 'c4')],
      env({ DRYDOCK_USERNAME: TEST_USER, DRYDOCK_PASSWORD: TEST_PASSWORD }),
    );
    expect(vars.code).toBe(0);
  });

  it('reads credentials from a docker config.json', async () => {
    const config = join(dir, 'docker');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(config, { recursive: true });
    const auth = Buffer.from(`${TEST_USER}:${TEST_PASSWORD}`).toString('base64');
    await writeFile(
      join(config, 'config.json'),
      JSON.stringify({ auths: { [basic.host]: { auth } } }),
    );
    const run = await drydock(
      [
        'image',
        `${basic.host}/app/one:v1`,
        '--insecure',
        '--scanners',
        'secret',
        '--cache-dir',
        join(dir, 'c5'),
      ],
      env({ DOCKER_CONFIG: config }),
    );
    expect(run.code).toBe(0);
  });

  it('says in one sentence that credentials were refused', async () => {
    const run = await drydock(
      [
        'image',
        `${basic.host}/app/one:v1`,
        '--insecure',
        '--scanners',
        'secret',
        '--username',
        TEST_USER,
        '--password',
        'wrong',
        '--cache-dir',
        join(dir, 'c6'),
      ],
      env(),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(basic.host);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
