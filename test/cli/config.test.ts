import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drydock } from '../helpers/cli.js';

let dir: string;
const RISKY = 'FROM debian\nEXPOSE 22\nHEALTHCHECK CMD true\n';
const CLEAN = 'FROM debian:12\nUSER app\nHEALTHCHECK CMD true\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drydock-config-cli-'));
  await writeFile(join(dir, 'Dockerfile'), RISKY);
  await mkdir(join(dir, 'svc'));
  await writeFile(join(dir, 'svc', 'Containerfile'), CLEAN);
  await writeFile(join(dir, 'svc', 'web.dockerfile'), 'FROM nginx:1\nUSER nginx\nFROBNICATE\n');
  await mkdir(join(dir, 'node_modules'));
  await writeFile(join(dir, 'node_modules', 'Dockerfile'), RISKY);
  await symlink(dir, join(dir, 'svc', 'loop'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('drydock config', () => {
  it('prints a table of findings with lines, remedies and problems', async () => {
    const run = await drydock(['config', join(dir, 'Dockerfile')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 misconfigurations');
    expect(run.stdout).toMatch(/HIGH {5}DD-IMG-003 {2}Exposes a remote administration port/);
    expect(run.stdout).toContain('line 2: exposes 22 (22: SSH)');
    expect(run.stdout).toContain('fix: Pin the base');
    expect(run.stderr).toBe('');
  });

  it('checks every Dockerfile below a folder as JSON, skipping node_modules', async () => {
    const run = await drydock(['config', dir, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const byPath = Object.fromEntries(
      report.results.map((r: { path: string; findings: Array<{ id: string }> }) => [
        r.path,
        r.findings.map((f) => f.id),
      ]),
    );
    expect(byPath).toEqual({
      Dockerfile: ['DD-IMG-001', 'DD-IMG-003', 'DD-IMG-006'],
      [join('svc', 'Containerfile')]: [],
      [join('svc', 'web.dockerfile')]: ['DD-IMG-002'],
    });
    const web = report.results.find((r: { path: string }) => r.path.endsWith('web.dockerfile'));
    expect(web.problems).toEqual([{ line: 3, message: 'unknown instruction "FROBNICATE"' }]);
  });

  it('filters by severity, skips checks by id and exits with the chosen code', async () => {
    const file = join(dir, 'Dockerfile');
    const high = await drydock(['config', file, '-s', 'HIGH', '--exit-code', '4', '-f', 'json']);
    expect(high.code).toBe(4);
    const ids = JSON.parse(high.stdout).results[0].findings.map((f: { id: string }) => f.id);
    expect(ids).toEqual(['DD-IMG-001', 'DD-IMG-003']);

    const skipped = await drydock([
      'config',
      file,
      '--skip-check',
      'DD-IMG-001,DD-IMG-003',
      '--skip-check',
      'DD-IMG-006',
      '--exit-code',
      '4',
    ]);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('no misconfigurations');
  });

  it('turns a bad path, check id or severity into one clear sentence', async () => {
    const missing = await drydock(['config', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^drydock: cannot read .*nope/);

    const unknown = await drydock(['config', dir, '--skip-check', 'DD-IMG-999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('drydock: unknown misconfiguration check id DD-IMG-999\n');

    const severity = await drydock(['config', dir, '--severity', 'SEVERE']);
    expect(severity.code).toBe(2);
    expect(severity.stderr).toContain('unknown severity SEVERE');
  });
});
