import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDb, parseSourceArg } from '../../src/vulndb/index.js';
import { drydock, REPO_ROOT } from '../helpers/cli.js';

/**
 * The CLI gate on a small DB built here from two OSV records: exit codes, the simple
 * flags, the policy file, ignore files and VEX in and out.
 */
let work: string;
let db: string;
let tree: string;

const osv = (id: string, name: string, fixed: string, alias: string) => ({
  schema_version: '1.6.0',
  id,
  modified: '2024-01-01T00:00:00Z',
  aliases: [alias],
  summary: `${name} problem`,
  affected: [
    {
      package: { ecosystem: 'npm', name },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }],
    },
  ],
  database_specific: { severity: 'HIGH' },
});

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'drydock-gate-'));
  const feed = path.join(work, 'feed');
  await mkdir(feed);
  await writeFile(
    path.join(feed, 'GHSA-aaaa-bbbb-cccc.json'),
    JSON.stringify(osv('GHSA-aaaa-bbbb-cccc', 'left-pad', '1.3.0', 'CVE-2024-0001')),
  );
  await writeFile(
    path.join(feed, 'GHSA-dddd-eeee-ffff.json'),
    JSON.stringify(osv('GHSA-dddd-eeee-ffff', 'right-pad', '2.0.0', 'CVE-2024-0002')),
  );
  db = path.join(work, 'vulndb.sqlite');
  await buildDb([parseSourceArg(feed)], db);

  tree = path.join(work, 'app');
  for (const [name, version] of [
    ['left-pad', '1.2.0'],
    ['right-pad', '1.0.0'],
  ]) {
    await mkdir(path.join(tree, 'node_modules', name!), { recursive: true });
    await writeFile(
      path.join(tree, 'node_modules', name!, 'package.json'),
      JSON.stringify({ name, version }),
    );
  }
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function fs(...args: string[]) {
  const run = await drydock(['fs', tree, '--scanners', 'vuln', '--db', db, ...args]);
  return { ...run, json: run.stdout.startsWith('{') ? JSON.parse(run.stdout) : undefined };
}

async function file(name: string, text: string): Promise<string> {
  const p = path.join(work, name);
  await writeFile(p, text);
  return p;
}

describe('drydock gate exit codes', () => {
  it('passes with 0 when no gate is asked for, whatever it finds', async () => {
    const run = await fs('--format', 'json');

    expect(run.code).toBe(0);
    expect(run.json.vulnerabilities.map((v: { id: string }) => v.id).sort()).toEqual([
      'CVE-2024-0001',
      'CVE-2024-0002',
    ]);
  });

  it('fails with the --exit-code chosen when findings remain', async () => {
    expect((await fs('--exit-code', '7')).code).toBe(7);
  });

  it('passes --exit-code when --severity leaves nothing to report', async () => {
    const run = await fs('--exit-code', '7', '--severity', 'CRITICAL', '--format', 'json');

    expect(run.code).toBe(0);
    expect(run.json.vulnerabilities).toEqual([]);
  });

  it('names the fix for a missing DB as a user error with code 2', async () => {
    const run = await drydock(['fs', tree, '--db', path.join(work, 'none.sqlite')]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('drydock db build');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an unknown scanner, and one that does not apply to the target', async () => {
    const unknown = await fs('--scanners', 'bogus');
    const misconfig = await fs('--scanners', 'misconfig');

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown scanner "bogus"');
    expect(misconfig.code).toBe(2);
    expect(misconfig.stderr).toContain('does not apply to fs targets');
  });

  it('warns about a stale DB, and fails on it only with --fail-on-stale', async () => {
    const fresh = await fs('--max-db-age', '60m');
    const warned = await fs('--max-db-age', '0m');
    const failed = await fs('--max-db-age', '0m', '--fail-on-stale');

    expect(fresh.stderr).not.toContain('stale');
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('vulnerability db is stale');
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('vulnerability data is stale');
  });
});

describe('drydock policy file and suppression', () => {
  it('denies by a CEL rule and honours an exception until it expires', async () => {
    const policy = await file(
      'policy.yaml',
      [
        'rules:',
        '  - name: high-and-fixable',
        '    condition: finding.severity == "HIGH" && finding.fixed',
        '    action: deny',
        'exceptions:',
        '  - ids: [CVE-2024-0001]',
        '    owner: web-team',
        '    reason: not reachable',
        '    expires: 2999-01-01',
        '  - ids: [CVE-2024-0002]',
        '    owner: web-team',
        '    reason: old waiver',
        '    expires: 2000-01-01',
      ].join('\n'),
    );
    const run = await fs('--policy', policy, '--exit-code', '5', '--format', 'json');

    expect(run.code).toBe(5);
    const decisions = [...run.json.policy.decisions].sort((x, y) => x.id.localeCompare(y.id));
    expect(decisions).toEqual([
      expect.objectContaining({ id: 'CVE-2024-0001', action: 'ignore', by: 'exception' }),
      expect.objectContaining({ id: 'CVE-2024-0002', action: 'deny', by: 'high-and-fixable' }),
    ]);
    expect(run.stderr).toContain('expired on 2000-01-01');
  });

  it('reports a policy with a broken condition as a user error', async () => {
    const policy = await file(
      'bad.yaml',
      'rules:\n  - name: x\n    condition: "finding.kev &&"\n    action: deny\n',
    );
    const run = await fs('--policy', policy);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rules.0 (x)');
  });

  it('suppresses through an ignore file and a VEX document, keeping both shown', async () => {
    const ignore = await file('.trivyignore', 'CVE-2024-0001 # tracked in SEC-1\n');
    const vex = await file(
      'app.vex.json',
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        statements: [
          {
            vulnerability: { name: 'GHSA-dddd-eeee-ffff' },
            products: [{ '@id': 'pkg:npm/right-pad' }],
            status: 'not_affected',
            justification: 'vulnerable_code_not_in_execute_path',
          },
        ],
      }),
    );
    const vexOut = path.join(work, 'out.vex.json');
    const run = await fs(
      '--ignore-file',
      ignore,
      '--vex',
      vex,
      '--vex-out',
      vexOut,
      '--exit-code',
      '1',
      '--format',
      'json',
    );

    expect(run.code).toBe(0);
    const suppressed = Object.fromEntries(
      run.json.vulnerabilities.map((v: { id: string; suppressed: unknown }) => [
        v.id,
        v.suppressed,
      ]),
    );
    expect(suppressed).toEqual({
      'CVE-2024-0001': { by: 'ignore-file', reason: 'tracked in SEC-1' },
      'CVE-2024-0002': {
        by: 'vex',
        reason: 'not affected per VEX',
        justification: 'vulnerable_code_not_in_execute_path',
      },
    });

    const out = JSON.parse(await readFile(vexOut, 'utf8'));
    expect(openVexValidator()(out)).toBe(true);
    expect(out.statements.map((s: { status: string }) => s.status)).toEqual([
      'not_affected',
      'not_affected',
    ]);
  });
});

function openVexValidator() {
  const schema = path.resolve(
    REPO_ROOT,
    '../shared/data/specs/formats/openvex/openvex_json_schema.json',
  );
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('iri', true);
  return ajv.compile(JSON.parse(readFileSync(schema, 'utf8')));
}
