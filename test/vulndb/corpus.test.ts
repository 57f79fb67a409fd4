import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuildReport,
  buildDb,
  openDb,
  parseSourceArg,
  type VulnDb,
} from '../../src/vulndb/index.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const advisoriesDir = path.resolve(repoRoot, '../shared/data/advisories');

let work: string;
let report: BuildReport;
let db: VulnDb;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'drydock-vulndb-corpus-'));
  const sources = (await readdir(advisoriesDir))
    .sort()
    .map((d) => parseSourceArg(path.join(advisoriesDir, d)));
  report = await buildDb(
    sources,
    path.join(work, 'vulndb.sqlite'),
    new Date('2026-01-02T03:04:05Z'),
  );
  db = openDb(report.path);
});

afterAll(async () => {
  db?.close();
  await rm(work, { recursive: true, force: true });
});

describe('vulndb build from the shared advisories corpus', () => {
  it('counts the records of every source, with no record rejected', () => {
    const counts = Object.fromEntries(
      report.sources.map((s) => [s.name, [s.format, s.records, s.errors]]),
    );

    expect(counts).toEqual({
      'almalinux-osv': ['osv', 5680, 0],
      'alpine-secdb': ['alpine-secdb', 12178, 0],
      'debian-security-tracker': ['debian-list', 5406 + 3534 + 208, 0],
      friendsofphp: ['friendsofphp', 1592, 0],
      'ghsa-selected': ['osv', 12, 0],
      'golang-vulndb': ['osv', 4291, 0],
      kev: ['kev', 1404, 0],
      'nodejs-security-wg': ['nodejs-wg', 638, 0],
      'osv-dev-distro-samples': ['osv', 3, 0],
      'pypa-advisory-database': ['osv', 2661, 0],
      'rubysec-ruby-advisory-db': ['rubysec', 1381, 0],
      'rustsec-osv': ['osv', 1206, 0],
      'ubuntu-cve-tracker': ['ubuntu-uct', 6704, 0],
      'wolfi-advisories': ['wolfi', 30030, 0],
    });
  });

  it('reports schema version, build time and per-source freshness in status', () => {
    const status = db.status();

    expect(status.schemaVersion).toBe(2);
    expect(status.builtAt).toBe('2026-01-02T03:04:05.000Z');
    expect(status.sources).toHaveLength(14);
    expect(status.sources[0]).toEqual({
      name: 'almalinux-osv',
      format: 'osv',
      lastSync: '2026-01-02T03:04:05.000Z',
      records: 5680,
      errors: 0,
    });
  });

  it('keeps a Go advisory with its aliases and its SEMVER range', () => {
    const [gin] = db
      .advisoriesFor('Go', 'github.com/gin-gonic/gin')
      .filter((a) => a.id === 'GO-2020-0001');

    expect(gin?.aliases).toEqual(['CVE-2020-36567', 'GHSA-6vm3-jj99-7229']);
    expect(gin?.groupKey).toBe('CVE-2020-36567');
    expect(gin?.affected[0]?.ranges).toEqual([
      { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.6.0' }] },
    ]);
  });

  it('links log4shell across GHSA, DSA and DLA into one group flagged by KEV', () => {
    const [ghsa] = db.advisoriesFor('Maven', 'org.apache.logging.log4j:log4j-core');
    const debian = db
      .advisoriesFor('Debian:11', 'apache-log4j2')
      .find((a) => a.id === 'DSA-5020-1');

    expect(ghsa?.id).toBe('GHSA-jfh8-c2jp-5v3q');
    expect(ghsa?.groupKey).toBe('CVE-2021-44228');
    expect(debian?.groupKey).toBe('CVE-2021-44228');
    expect(ghsa?.kev?.cve).toBe('CVE-2021-44228');
    expect(ghsa?.severities).toContainEqual({ source: 'ghsa', type: 'rating', rating: 'critical' });
    expect(ghsa?.cwes).toContain('CWE-502');
  });

  it('gives the Debian fixed version of a named DSA for its release', () => {
    const [dsa] = db.advisoriesFor('Debian:11', 'xorg-server').filter((a) => a.id === 'DSA-5380-1');

    expect(dsa?.aliases).toEqual(['CVE-2023-1393']);
    expect(dsa?.published).toBe('2023-03-29');
    expect(dsa?.affected).toEqual([
      {
        ecosystem: 'Debian:11',
        name: 'xorg-server',
        status: 'fixed',
        versions: [],
        ranges: [
          { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2:1.20.11-1+deb11u6' }] },
        ],
      },
    ]);
  });

  it('reads Ubuntu tracker statuses per release, ESM as Pro', () => {
    const tomcat = db
      .advisoriesFor('Ubuntu:14.04:LTS', 'tomcat6')
      .find((a) => a.id === 'CVE-2013-4590');
    const esm = db
      .advisoriesFor('Ubuntu:Pro:12.04:LTS', 'tomcat6')
      .find((a) => a.id === 'CVE-2013-4590');

    expect(tomcat?.affected[0]?.status).toBe('not-affected');
    expect(esm?.affected[0]?.status).toBe('unfixed');
    expect(esm?.affected[0]?.severity).toBe('low');
  });

  it('finds PyPI records by the PEP 503 name and keeps explicit versions', () => {
    const hits = db
      .advisoriesFor('pypi', 'Apache_Skywalking')
      .filter((a) => a.id === 'PYSEC-2020-342');

    expect(hits).toHaveLength(1);
    expect(hits[0]?.affected[0]?.versions).toContain('0.1.0');
    expect(hits[0]?.severities[0]?.vector).toBe('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
  });

  it('never merges the several CVEs one DSA fixes into one problem', () => {
    const records = db.advisoriesFor('Debian:11', 'xorg-server');
    const dsa = records.find((a) => a.id === 'DSA-5304-1')!;
    const cves = dsa.aliases.filter((id) => id.startsWith('CVE-'));
    expect(cves.length).toBeGreaterThan(1);
    expect(cves).not.toContain(dsa.groupKey);
    expect(new Set(records.map((a) => a.groupKey)).size).toBeGreaterThan(1);
  });

  it('turns Alpine secfixes and Wolfi events into fixed versions', () => {
    const alpine = db
      .advisoriesFor('Alpine:v3.11', 'ansible')
      .find((a) => a.id === 'CVE-2019-14904');
    const wolfi = db.advisoriesFor('Wolfi', 'fd').find((a) => a.id === 'CGA-xfq7-jmxq-8333');

    expect(alpine?.affected[0]?.ranges).toEqual([
      { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.9.3-r0' }] },
    ]);
    expect(wolfi?.aliases).toEqual(['GHSA-pg9f-39pc-qf8g']);
    expect(wolfi?.affected[0]?.status).toBe('fixed');
  });

  it('normalises RubyGems, Packagist and legacy npm ranges to events', () => {
    const resque = db.advisoriesFor('RubyGems', 'resque').find((a) => a.id === 'CVE-2023-50725');
    const bassmaster = db.advisoriesFor('npm', 'bassmaster').find((a) => a.id === 'NSWG-ECO-1');
    const cake = db
      .advisoriesFor('Packagist', 'cakephp/cakephp')
      .find((a) => a.id === 'FRIENDSOFPHP-cakephp/cakephp/2015-08-06');

    expect(resque?.aliases).toEqual(['GHSA-gc3j-vvwf-4rp8']);
    expect(resque?.affected[0]?.ranges[0]).toEqual({
      type: 'ECOSYSTEM',
      events: [{ introduced: '0' }, { fixed: '2.2.1' }],
    });
    expect(bassmaster?.affected[0]?.ranges[0]).toEqual({
      type: 'SEMVER',
      events: [{ introduced: '0' }, { last_affected: '1.5.1' }],
    });
    expect(cake?.affected[0]?.ranges).toHaveLength(8);
    expect(cake?.affected[0]?.ranges[5]).toEqual({
      type: 'ECOSYSTEM',
      events: [{ introduced: '2.5.0' }, { fixed: '2.5.9' }],
    });
  });

  it("keeps a distro's own rating on its package entries", () => {
    const [ubuntu] = db
      .advisoriesFor('Ubuntu:Pro:14.04:LTS', 'linux')
      .filter((a) => a.id === 'UBUNTU-CVE-2025-38094');

    expect(ubuntu?.affected[0]?.severity).toBe('medium');
  });
});
