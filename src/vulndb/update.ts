import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../image/registry/retry.js';
import { log } from '../log.js';
import { type BuildReport, buildDb, type SourceSpec } from './build.js';
import { download, readState } from './download.js';

/** Where one feed is fetched from: the first URL, then each mirror in turn. */
export interface FeedLocation {
  name: string;
  /** Parser to use; omitted means detect from the content. */
  format?: string;
  urls: string[];
  /** Expected SHA-256 of the file, when the publisher announces one. */
  sha256?: string;
}

/**
 * The upstream locations `db update` uses unless told otherwise (docs/vulndb.md lists
 * them). OSV's per-ecosystem archives cover the language ecosystems and several distros.
 */
export const DEFAULT_FEEDS: FeedLocation[] = [
  ...['npm', 'PyPI', 'Go', 'crates.io', 'Maven', 'RubyGems', 'Packagist', 'NuGet', 'Hex', 'Pub']
    .concat(['Debian', 'Ubuntu', 'Alpine', 'AlmaLinux', 'Rocky Linux', 'Wolfi'])
    .map((eco) => ({
      name: `osv-${eco.toLowerCase().replace(/[^a-z0-9.]+/g, '-')}`,
      format: 'osv',
      urls: [
        `https://osv-vulnerabilities.storage.googleapis.com/${encodeURIComponent(eco)}/all.zip`,
      ],
    })),
  {
    name: 'debian-tracker',
    format: 'debian-json',
    urls: ['https://security-tracker.debian.org/tracker/data/json'],
  },
  {
    name: 'kev',
    format: 'kev',
    urls: ['https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json'],
  },
  {
    name: 'epss',
    format: 'epss',
    urls: ['https://epss.empiricalsecurity.com/epss_scores-current.csv.gz'],
  },
];

export interface FeedUpdate {
  name: string;
  outcome: 'downloaded' | 'not-modified' | 'failed';
  /** The URL that answered, or the last one tried. */
  url: string;
  error?: string;
}

export interface UpdateReport {
  feeds: FeedUpdate[];
  build: BuildReport;
}

export interface UpdateOptions {
  cacheDir: string;
  dbPath: string;
  feeds?: FeedLocation[];
  retry?: RetryPolicy;
  now?: () => Date;
}

/**
 * Refreshes every feed's cached copy (only changed ones are transferred), then rebuilds
 * the DB from the cache and swaps it in. A feed that cannot be fetched keeps its last good
 * copy and its old sync time, so `db status` shows it as stale rather than empty.
 */
export async function updateDb(opts: UpdateOptions): Promise<UpdateReport> {
  const feeds = opts.feeds ?? DEFAULT_FEEDS;
  const updates: FeedUpdate[] = [];
  const sources: SourceSpec[] = [];

  for (const feed of feeds) {
    const file = join(opts.cacheDir, 'feeds', feed.name, 'data');
    const update = await refresh(feed, file, opts);
    updates.push(update);

    const state = await readState(file);
    if (!state?.sha256) continue;
    sources.push({
      name: feed.name,
      location: file,
      format: feed.format,
      lastSync: state.lastSync,
    });
  }

  const build = await buildDb(sources, opts.dbPath, opts.now?.() ?? new Date());
  return { feeds: updates, build };
}

async function refresh(feed: FeedLocation, file: string, opts: UpdateOptions): Promise<FeedUpdate> {
  let last: FeedUpdate = { name: feed.name, outcome: 'failed', url: feed.urls[0] ?? '' };

  for (const url of feed.urls) {
    try {
      const outcome = await download({
        url,
        file,
        sha256: feed.sha256,
        retry: opts.retry ?? DEFAULT_RETRY,
        now: opts.now,
      });
      return { name: feed.name, outcome, url };
    } catch (err) {
      log().warn({ feed: feed.name, url, reason: errorMessage(err) }, 'feed download failed');
      last = { name: feed.name, outcome: 'failed', url, error: errorMessage(err) };
    }
  }
  return last;
}
