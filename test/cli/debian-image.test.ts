import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drydock } from '../helpers/cli.js';
import { type DebianFixture, debianFixture } from '../helpers/debian-fixture.js';

/**
 * The misconfiguration, license and secret scanners on a real Debian 12 image: its sshd,
 * host keys, setuid binaries, sudo and DEP-5 copyright files are the distribution's own.
 */
let fixture: DebianFixture;
let cacheDir: string;
let stderr: string;
let report: {
  misconfigurations: Array<{ id: string; evidence: Array<{ path?: string }> }>;
  licenses: Array<{ package: { name: string }; main?: string; expression: string }>;
  secrets: Array<{ ruleId: string; location: { path?: string }; redacted: string }>;
};

beforeAll(async () => {
  fixture = await debianFixture();
  cacheDir = await mkdtemp(join(tmpdir(), 'drydock-debian-cli-'));
  const run = await drydock([
    'image',
    `oci:${fixture.layout}:${fixture.tag}`,
    '--scanners',
    'secret,misconfig,license',
    '--format',
    'json',
    '--cache-dir',
    cacheDir,
  ]);
  expect(run.code, run.stderr).toBe(0);
  report = JSON.parse(run.stdout);
  stderr = run.stderr;
}, 900_000);

afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const evidence = (id: string) =>
  report.misconfigurations.filter((m) => m.id === id).flatMap((m) => m.evidence.map((e) => e.path));

describe('drydock image on a real Debian 12 image', () => {
  it('reports the hardening gaps the image really has', () => {
    const ids = new Set(report.misconfigurations.map((m) => m.id));
    for (const id of ['DD-IMG-001', 'DD-IMG-002', 'DD-IMG-003', 'DD-IMG-007'])
      expect(ids).toContain(id);
    expect(evidence('DD-FS-001')).toEqual(expect.arrayContaining(['usr/bin/passwd', 'usr/bin/su']));
    expect(evidence('DD-FS-003')).toContain('usr/sbin/sshd');
    expect(evidence('DD-FS-004')).toContain('etc/ssh/ssh_host_rsa_key');
    expect(ids).toContain('DD-FS-006');
  });

  it("normalises packages' DEP-5 copyright files to SPDX", () => {
    const main = (name: string) => report.licenses.find((l) => l.package.name === name)?.main;
    expect(main('bash')).toBe('GPL-3.0-or-later');
    expect(main('zlib1g')).toBe('Zlib');
    expect(main('libssl3')).toBe('Apache-2.0');
    const jackson = report.licenses.find((l) => l.package.name === 'jackson-databind');
    expect(jackson?.expression).toBe('Apache-2.0');
  });

  it('finds the baked-in SSH host keys and none of the distribution’s examples', () => {
    const found = report.secrets.map((s) => `${s.ruleId} ${s.location.path}`).sort();
    expect(found).toEqual([
      'private-key-openssh etc/ssh/ssh_host_ecdsa_key',
      'private-key-openssh etc/ssh/ssh_host_ed25519_key',
      'private-key-openssh etc/ssh/ssh_host_rsa_key',
    ]);
  });

  it('never prints a key in any format', async () => {
    const key = await readFile(join(fixture.rootfs, 'etc/ssh/ssh_host_rsa_key'), 'utf8');
    const body = key.split('\n')[1]!;
    for (const format of [
      'table',
      'json',
      'sarif',
      'cyclonedx',
      'spdx-json',
      'junit',
      'markdown',
      'html',
    ]) {
      const run = await drydock([
        'image',
        `oci:${fixture.layout}:${fixture.tag}`,
        '--scanners',
        'secret',
        '--format',
        format,
        '--cache-dir',
        cacheDir,
      ]);
      expect(run.code, `${format}: ${run.stderr}`).toBe(0);
      expect(run.stdout.length, format).toBeGreaterThan(0);
      expect(run.stdout.includes(body.slice(0, 24)), format).toBe(false);
    }
  });

  it('counts the files too large for a scanner in one warning line', () => {
    const lines = stderr
      .split('\n')
      .filter((l) => l.includes("over the secret scanner's size limit"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^drydock: warning: \d+ file\(s\) over the secret scanner's size limit/,
    );
  });

  it('classifies licenses with the categories of --license-config', async () => {
    const config = join(cacheDir, 'licenses.yaml');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(config, 'Zlib: forbidden\n');
    const run = await drydock([
      'image',
      `oci:${fixture.layout}:${fixture.tag}`,
      '--scanners',
      'license',
      '--license-config',
      config,
      '--format',
      'json',
      '--cache-dir',
      cacheDir,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const zlib = JSON.parse(run.stdout).licenses.find(
      (l: { package: { name: string } }) => l.package.name === 'zlib1g',
    );
    expect(zlib.worst).toBe('forbidden');
  });
});
