import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { DrydockError, errorMessage } from '../errors.js';
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
} from '../image/registry/retry.js';
import { log } from '../log.js';

/**
 * Fetches one feed file into the cache with the manners a public mirror expects:
 * conditional requests (RFC 9110 13.1: If-None-Match, If-Modified-Since), resuming a
 * partial download with Range + If-Range (RFC 9110 14.2), Retry-After and full-jitter
 * backoff on 429 and 5xx, and a Content-Length and optional SHA-256 check before the file
 * replaces the cached copy. The cached copy is only ever replaced by a complete one.
 */
export interface DownloadState {
  etag?: string;
  lastModified?: string;
  lastSync?: string;
  sha256?: string;
}

export type DownloadOutcome = 'downloaded' | 'not-modified';

const stateSchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  lastSync: z.string().optional(),
  sha256: z.string().optional(),
});

export async function readState(file: string): Promise<DownloadState | undefined> {
  const text = await readFile(`${file}.state.json`, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;

  const parsed = stateSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

export interface DownloadOptions {
  url: string;
  file: string;
  sha256?: string;
  retry: RetryPolicy;
  now?: () => Date;
}

export async function download(opts: DownloadOptions): Promise<DownloadOutcome> {
  await mkdir(dirname(opts.file), { recursive: true });
  let lastError: unknown;

  for (let attempt = 0; attempt < opts.retry.attempts; attempt++) {
    try {
      return await attemptOnce(opts);
    } catch (err) {
      lastError = err;
      const wait = err instanceof RetryableError ? err.delayMs : undefined;
      if (!(err instanceof RetryableError) || attempt + 1 >= opts.retry.attempts) break;

      const delay = Math.min(wait ?? backoffDelay(attempt, opts.retry), opts.retry.maxRetryAfterMs);
      log().info({ url: opts.url, attempt: attempt + 1, delay, reason: err.message }, 'feed retry');
      await sleep(delay);
    }
  }
  if (lastError instanceof DrydockError) throw lastError;
  throw new DrydockError('NETWORK', `feed ${opts.url}: ${errorMessage(lastError)}`, {
    cause: lastError,
  });
}

class RetryableError extends DrydockError {
  constructor(
    message: string,
    readonly delayMs?: number,
  ) {
    super('NETWORK', message);
  }
}

async function attemptOnce(opts: DownloadOptions): Promise<DownloadOutcome> {
  const state = (await readState(opts.file)) ?? {};
  const part = `${opts.file}.part`;
  const partState = await readState(part);
  const partSize = partState?.etag
    ? await stat(part).then(
        (s) => s.size,
        () => 0,
      )
    : 0;
  const haveFile = await stat(opts.file).then(
    () => true,
    () => false,
  );

  const headers: Record<string, string> = {};
  if (haveFile && state.etag) headers['if-none-match'] = state.etag;
  if (haveFile && state.lastModified) headers['if-modified-since'] = state.lastModified;
  if (partSize > 0 && partState?.etag) {
    headers.range = `bytes=${partSize}-`;
    headers['if-range'] = partState.etag;
  }

  log().info({ url: opts.url, resume: partSize > 0 }, 'feed request');
  const res = await fetch(opts.url, { headers }).catch((err: unknown) => {
    throw new RetryableError(`feed ${opts.url}: ${errorMessage(err)}`);
  });

  if (res.status === 304) {
    await saveState(opts.file, { ...state, lastSync: nowIso(opts) });
    return 'not-modified';
  }
  if (isRetryableStatus(res.status)) {
    throw new RetryableError(
      `feed ${opts.url} answered ${res.status}`,
      parseRetryAfter(res.headers.get('retry-after') ?? undefined),
    );
  }
  if (res.status !== 200 && res.status !== 206) {
    throw new DrydockError('NETWORK', `feed ${opts.url} answered ${res.status}`);
  }

  const append = res.status === 206 && partSize > 0;
  const expected = expectedSize(res, append ? partSize : 0);
  const fresh: DownloadState = {
    etag: res.headers.get('etag') ?? undefined,
    lastModified: res.headers.get('last-modified') ?? undefined,
  };
  await saveState(part, fresh);
  await receive(res, part, append, opts.url);

  const size = (await stat(part)).size;
  if (expected !== undefined && size !== expected) {
    throw new RetryableError(`feed ${opts.url} truncated: ${size} of ${expected} bytes`);
  }

  const digest = await sha256Of(part);
  if (opts.sha256 && digest !== opts.sha256.toLowerCase()) {
    await rm(part, { force: true });
    await rm(`${part}.state.json`, { force: true });
    throw new DrydockError(
      'FEED_INVALID',
      `feed ${opts.url} sha256 ${digest} is not the expected ${opts.sha256}`,
    );
  }

  await rename(part, opts.file);
  await rm(`${part}.state.json`, { force: true });
  await saveState(opts.file, { ...fresh, sha256: digest, lastSync: nowIso(opts) });
  return 'downloaded';
}

/** The full size the body should reach, from Content-Range or Content-Length. */
function expectedSize(res: Response, offset: number): number | undefined {
  const range = /\/(\d+)\s*$/.exec(res.headers.get('content-range') ?? '');
  if (range?.[1]) return Number(range[1]);

  const length = res.headers.get('content-length');
  return length && /^\d+$/.test(length) ? offset + Number(length) : undefined;
}

/** Writes the body as it arrives, so a cut connection still leaves a resumable part. */
async function receive(res: Response, part: string, append: boolean, url: string): Promise<void> {
  const handle = await open(part, append ? 'a' : 'w');
  try {
    if (!res.body) return;
    for await (const chunk of res.body) await handle.write(chunk as Uint8Array);
  } catch (err) {
    throw new RetryableError(`feed ${url} cut off: ${errorMessage(err)}`);
  } finally {
    await handle.close();
  }
}

async function saveState(file: string, state: DownloadState): Promise<void> {
  await writeFile(`${file}.state.json`, JSON.stringify(state));
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function nowIso(opts: DownloadOptions): string {
  return (opts.now?.() ?? new Date()).toISOString();
}
