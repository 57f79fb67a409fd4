import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/vulndb/index.js';
import { type FeedLocation, updateDb } from '../../src/vulndb/update.js';

const kevBody = JSON.stringify({
  title: 'CISA Catalog of Known Exploited Vulnerabilities',
  catalogVersion: '2025.08.25',
  dateReleased: '2025-08-25T17:04:19.9796Z',
  count: 1,
  vulnerabilities: [
    {
      cveID: 'CVE-2021-44228',
      vendorProject: 'Apache',
      product: 'Log4j2',
      dateAdded: '2021-12-10',
    },
  ],
});

const osvZip = Buffer.from(
  zipSync({
    'GHSA-good-0000-0001.json': strToU8(
      JSON.stringify({
        id: 'GHSA-good-0000-0001',
        modified: '2024-01-01T00:00:00Z',
        aliases: ['CVE-2021-44228'],
        affected: [
          {
            package: { ecosystem: 'Maven', name: 'org.example:lib' },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }],
          },
        ],
      }),
    ),
    'GHSA-bad-0000-0002.json': strToU8('{"id": "GHSA-bad-0000-0002", "affected": [tru'),
  }),
);

// Large enough that the first half reaches the client before the connection is cut.
const epssRows = Array.from(
  { length: 40_000 },
  (_, i) => `CVE-2024-${10000 + i},0.${(i * 7919) % 100000},0.5`,
);
const epssBody = gzipSync(
  [
    '#model_version:v2025.03.14,score_date:2025-08-25T00:00:00+0000',
    'cve,epss,percentile',
    ...epssRows,
    '',
  ].join('\n'),
);

interface Seen {
  path: string;
  range?: string;
  ifNoneMatch?: string;
}

let server: Server;
let base: string;
let work: string;
const seen: Seen[] = [];
let kevHits = 0;
let epssHits = 0;

function serve(req: IncomingMessage, res: ServerResponse, body: Buffer, etag: string): void {
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag }).end();
    return;
  }
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (range && req.headers['if-range'] === etag) {
    const start = Number(range[1]);
    res.writeHead(206, {
      etag,
      'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
    });
    res.end(body.subarray(start));
    return;
  }
  res.writeHead(200, { etag, 'content-length': body.length }).end(body);
}

function handler(req: IncomingMessage, res: ServerResponse): void {
  seen.push({
    path: req.url ?? '',
    range: req.headers.range,
    ifNoneMatch: req.headers['if-none-match'],
  });

  if (req.url === '/kev.json') {
    kevHits++;
    if (kevHits === 1) res.writeHead(429, { 'retry-after': '1' }).end('slow down');
    else serve(req, res, Buffer.from(kevBody), '"kev-1"');
    return;
  }
  if (req.url === '/osv/all.zip') {
    serve(req, res, osvZip, '"osv-1"');
    return;
  }
  if (req.url === '/epss.csv.gz') {
    epssHits++;
    if (epssHits > 1) {
      serve(req, res, epssBody, '"epss-1"');
      return;
    }
    // The first answer promises the whole file and stops halfway.
    res.writeHead(200, { etag: '"epss-1"', 'content-length': epssBody.length });
    res.write(epssBody.subarray(0, Math.floor(epssBody.length / 2)), () => res.destroy());
    return;
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'drydock-vulndb-update-'));
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(work, { recursive: true, force: true });
});

const retry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 20 };

function feeds(): FeedLocation[] {
  return [
    { name: 'kev', format: 'kev', urls: [`${base}/kev.json`] },
    { name: 'osv-maven', format: 'osv', urls: [`${base}/missing.zip`, `${base}/osv/all.zip`] },
    { name: 'epss', format: 'epss', urls: [`${base}/epss.csv.gz`] },
  ];
}

describe('vulndb update against a local feed server', () => {
  it('retries a 429, uses a mirror, resumes a cut download, reports a corrupt record', async () => {
    const dbPath = path.join(work, 'db.sqlite');
    const report = await updateDb({ cacheDir: work, dbPath, feeds: feeds(), retry });

    expect(report.feeds.map((f) => [f.name, f.outcome])).toEqual([
      ['kev', 'downloaded'],
      ['osv-maven', 'downloaded'],
      ['epss', 'downloaded'],
    ]);
    expect(kevHits).toBe(2);
    expect(seen.find((s) => s.path === '/epss.csv.gz' && s.range)?.range).toMatch(/^bytes=\d+-$/);

    const db = openDb(dbPath);
    const status = db.status().sources.map((s) => [s.name, s.records, s.errors]);
    const [adv] = db.advisoriesFor('Maven', 'org.example:lib');
    db.close();

    expect(status).toEqual([
      ['kev', 1, 0],
      ['osv-maven', 1, 1],
      ['epss', 40_000, 0],
    ]);
    expect(adv?.kev?.cve).toBe('CVE-2021-44228');
  });

  it('sends conditional requests the second time and keeps the data on 304', async () => {
    const dbPath = path.join(work, 'db.sqlite');
    seen.length = 0;
    const report = await updateDb({ cacheDir: work, dbPath, feeds: feeds(), retry });

    expect(report.feeds.map((f) => f.outcome)).toEqual([
      'not-modified',
      'not-modified',
      'not-modified',
    ]);
    expect(seen.filter((s) => s.ifNoneMatch).map((s) => s.path)).toEqual([
      '/kev.json',
      '/missing.zip',
      '/osv/all.zip',
      '/epss.csv.gz',
    ]);

    const db = openDb(dbPath);
    expect(db.status().sources.map((s) => s.records)).toEqual([1, 1, 40_000]);
    db.close();
  });
});
