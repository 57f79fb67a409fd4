import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Package } from '../../src/catalog/types.js';
import { matchInventory } from '../../src/match/index.js';
import { buildDb, openDb, parseSourceArg } from '../../src/vulndb/index.js';
import { drydock, REPO_ROOT } from '../helpers/cli.js';
import { buildImage, buildLayer, writeOciLayout } from '../helpers/image-builder.js';

/**
 * The acceptance test of matching: the DB built from the real advisories corpus, targets
 * built here holding packages at versions picked from those advisories, and the findings
 * asserted exactly. Each package's version sits just below a real fix, so the expected
 * fixed version is the advisory's own.
 */
const advisoriesDir = path.resolve(REPO_ROOT, '../shared/data/advisories');

let work: string;
let db: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'drydock-acceptance-'));
  db = path.join(work, 'vulndb.sqlite');
  const sources = (await readdir(advisoriesDir))
    .sort()
    .map((d) => parseSourceArg(path.join(advisoriesDir, d)));
  await buildDb(sources, db, new Date());
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const DPKG_STATUS = [
  'Package: libapr1',
  'Status: install ok installed',
  'Architecture: amd64',
  'Source: apr',
  'Version: 1.7.0-6+deb11u1',
  '',
  'Package: python3-urllib3',
  'Status: install ok installed',
  'Architecture: all',
  'Source: python-urllib3',
  'Version: 1.26.5-1~exp1',
  '',
].join('\n');

const URLLIB3_METADATA = 'usr/lib/python3/dist-packages/urllib3-1.26.5.dist-info/METADATA';

async function debianImage(): Promise<string> {
  const base = await buildLayer([
    { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="11"\nVERSION_CODENAME=bullseye\n' },
    { name: 'var/lib/dpkg/status', content: DPKG_STATUS },
    { name: 'var/lib/dpkg/info/python3-urllib3.list', content: `/${URLLIB3_METADATA}\n` },
    { name: URLLIB3_METADATA, content: 'Metadata-Version: 2.1\nName: urllib3\nVersion: 1.26.5\n' },
  ]);
  const app = await buildLayer([
    {
      name: 'app/node_modules/adm-zip/package.json',
      content: '{"name":"adm-zip","version":"0.4.7"}',
    },
    {
      name: 'usr/local/lib/python3.9/site-packages/admesh-0.98.4.dist-info/METADATA',
      content: 'Metadata-Version: 2.1\nName: admesh\nVersion: 0.98.4\n',
    },
    {
      name: 'usr/local/bundle/specifications/active_attr-0.15.3.gemspec',
      content: 's.name = "active_attr"\ns.version = "0.15.3"\n',
    },
    {
      name: 'usr/local/bundle/specifications/oracle-adapter.gemspec',
      content: 's.name = "activerecord-oracle_enhanced-adapter"\ns.version = "1.0!broken"\n',
    },
    {
      name: 'app/vendor/composer/installed.json',
      content: '{"packages":[{"name":"3f/pygmentize","version":"1.1"}]}',
    },
  ]);

  const layout = path.join(work, 'debian');
  await writeOciLayout(layout, [{ image: buildImage({ layers: [base, app] }), tag: 'v1' }]);
  return `oci:${layout}:v1`;
}

async function tree(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(work, name);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

function apkDb(name: string, version: string): string {
  return `C:Q1AAAAAAAAAAAAAAAAAAAAAAAAAAA=\nP:${name}\nV:${version}\nA:x86_64\no:${name}\n\n`;
}

interface Vuln {
  id: string;
  aliases: string[];
  package: { name: string; ecosystem: string };
  fixedVersions: string[];
  status: string;
  layer?: { index: number };
  priority: { reason: string };
}

interface Result {
  vulnerabilities: Vuln[];
  unevaluated: unknown[];
  inventory: { packages: Package[] };
}

interface Row {
  id: string;
  pkg: string;
  fixed: string[];
  status: string;
}

async function scan(args: string[]): Promise<{ rows: Row[]; result: Result; code: number }> {
  const run = await drydock([
    ...args,
    '--db',
    db,
    '--format',
    'json',
    '--cache-dir',
    path.join(work, 'cache'),
  ]);
  expect(run.stderr).not.toMatch(/caused by/);
  const result = JSON.parse(run.stdout) as Result;
  const rows = result.vulnerabilities
    .map((v) => ({ id: v.id, pkg: v.package.name, fixed: v.fixedVersions, status: v.status }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { rows, result, code: run.code };
}

describe('matching acceptance against the shared advisories corpus', () => {
  it('finds exactly the expected problems in a Debian 11 image with language packages', async () => {
    const { rows, result } = await scan(['image', await debianImage(), '--scanners', 'vuln']);

    expect(rows).toEqual([
      { id: 'CVE-2018-1002204', pkg: 'adm-zip', fixed: ['0.4.9'], status: 'fixed' },
      { id: 'CVE-2018-25033', pkg: 'admesh', fixed: ['0.98.5'], status: 'fixed' },
      { id: 'CVE-2021-4250', pkg: 'active_attr', fixed: ['0.15.4'], status: 'fixed' },
      { id: 'CVE-2022-24963', pkg: 'libapr1', fixed: ['1.7.0-6+deb11u2'], status: 'fixed' },
      {
        id: 'FRIENDSOFPHP-3f/pygmentize/2017-05-15',
        pkg: '3f/pygmentize',
        fixed: ['1.2'],
        status: 'fixed',
      },
    ]);
    const apr = result.vulnerabilities.find((v) => v.package.name === 'libapr1')!;
    expect(apr.aliases).toEqual(['DSA-5370-1']);
    expect(apr.package.ecosystem).toBe('Debian:11');
    expect(apr.layer).toMatchObject({ index: 0 });
    expect(apr.priority.reason).toMatch(/^P3: unrated, fix available$/);
  });

  it('shows a version that cannot be parsed as could-not-evaluate, not as clean', async () => {
    const { result } = await scan(['image', await debianImage(), '--scanners', 'vuln']);

    expect(result.unevaluated).toEqual([
      {
        package: expect.objectContaining({
          name: 'activerecord-oracle_enhanced-adapter',
          version: '1.0!broken',
        }),
        advisory: 'OSVDB-95376',
        reason: expect.stringContaining('1.0!broken'),
      },
    ]);
  });

  it('judges an OS-owned python package by the distro data only', async () => {
    const { result } = await scan(['image', await debianImage(), '--scanners', 'vuln']);
    const urllib3 = result.inventory.packages.find((p) => p.name === 'urllib3')!;
    const handle = openDb(db);
    const { ownedBy: _, ...unowned } = urllib3;
    const pypi = matchInventory({ packages: [unowned], problems: [] }, handle);
    handle.close();

    expect(urllib3.ownedBy).toMatchObject({ type: 'deb', name: 'python3-urllib3' });
    expect(pypi.vulnerabilities.length).toBeGreaterThan(0);
    expect(result.vulnerabilities.filter((v) => v.package.name === 'urllib3')).toEqual([]);
  });

  it('matches Go modules and crates from a source tree', async () => {
    const root = await tree('src-tree', {
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire aahframe.work v0.12.3\n',
      'Cargo.lock':
        'version = 3\n\n[[package]]\nname = "abox"\nversion = "0.4.0"\n' +
        'source = "registry+https://github.com/rust-lang/crates.io-index"\n',
    });
    const { rows } = await scan(['fs', root, '--scanners', 'vuln']);

    const byPackage = rows
      .map((r) => [r.pkg, r.fixed])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byPackage).toEqual([
      ['aahframe.work', ['0.12.4']],
      ['abox', ['0.4.1']],
    ]);
  });

  it('matches an Alpine 3.11 package by its secdb fix', async () => {
    const root = await tree('alpine', {
      'etc/os-release': 'ID=alpine\nVERSION_ID=3.11.6\n',
      'lib/apk/db/installed': apkDb('aspell', '0.60.7-r0'),
    });
    const { rows } = await scan(['fs', root, '--scanners', 'vuln']);

    expect(rows).toEqual([
      { id: 'CVE-2019-17544', pkg: 'aspell', fixed: ['0.60.8-r0'], status: 'fixed' },
    ]);
  });

  it('shows an unfixed distro entry, and hides it with --ignore-unfixed', async () => {
    const root = await tree('wolfi', {
      'etc/os-release': 'ID=wolfi\nVERSION_ID=20230201\n',
      'lib/apk/db/installed': apkDb('apache-tika-3.1', '3.1.0-r0'),
    });
    const shown = await scan(['fs', root, '--scanners', 'vuln']);
    const hidden = await scan(['fs', root, '--scanners', 'vuln', '--ignore-unfixed']);

    expect(shown.rows).toEqual([
      { id: 'CVE-2024-6763', pkg: 'apache-tika-3.1', fixed: [], status: 'unfixed' },
    ]);
    expect(shown.result.vulnerabilities[0]?.aliases).toContain('CGA-276w-r2rj-4c6m');
    expect(hidden.rows).toEqual([]);
  });

  it('scans an SBOM whose distro comes only from the purls, for AlmaLinux 9', async () => {
    const sbom = path.join(work, 'alma.cdx.json');
    const purl = 'pkg:rpm/almalinux/OpenIPMI@2.0.32-4.el9?arch=x86_64&distro=almalinux-9.4';
    const component = { type: 'library', name: 'OpenIPMI', version: '2.0.32-4.el9', purl };
    await writeFile(
      sbom,
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [component] }),
    );
    const { rows, result } = await scan(['sbom', sbom]);

    expect(rows.map((r) => [r.pkg, r.fixed])).toEqual([['OpenIPMI', ['2.0.32-5.el9_4']]]);
    const v = result.vulnerabilities[0]!;
    expect([v.id, ...v.aliases]).toContain('ALSA-2024:8037');
    expect(v.package.ecosystem).toBe('AlmaLinux:9');
  });
});
