import type { Readable } from 'node:stream';
import { type Dispatcher, request } from 'undici';
import { DrydockError } from '../../errors.js';
import { log } from '../../log.js';

/** What every request of one opened image shares. */
export interface HttpSettings {
  dispatcher: Dispatcher;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable & { dump(): Promise<void> };
  /** The URL that answered, after redirects. */
  url: string;
}

export interface SendInit {
  method?: 'GET' | 'POST' | 'HEAD';
  headers: Record<string, string>;
  body?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export function header(res: HttpResponse, name: string): string | undefined {
  const value = res.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function headerList(res: HttpResponse, name: string): string[] {
  const value = res.headers[name.toLowerCase()];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * One request, following redirects itself. Blob downloads are usually redirected to
 * object storage: the registry's Authorization MUST NOT follow to another origin, since
 * presigned URLs carry their own authorization and a hostile redirect would steal it.
 */
export async function send(url: string, init: SendInit, http: HttpSettings): Promise<HttpResponse> {
  let current = url;
  let headers = { ...init.headers };
  const origin = new URL(url).origin;

  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    log().info({ url: current, method: init.method ?? 'GET' }, 'registry http request');
    const res = await request(current, {
      method: init.method ?? 'GET',
      headers,
      body: init.body,
      dispatcher: http.dispatcher,
      headersTimeout: http.headersTimeoutMs,
      bodyTimeout: http.bodyTimeoutMs,
      signal: http.signal,
    });
    if (!REDIRECTS.has(res.statusCode)) {
      return { status: res.statusCode, headers: res.headers, body: res.body, url: current };
    }

    await res.body.dump();
    current = redirectTarget(current, res.headers.location);
    if (new URL(current).origin !== origin) headers = withoutAuthorization(headers);
  }
  throw new DrydockError('REGISTRY_PROTOCOL', `${url} redirected more than ${MAX_REDIRECTS} times`);
}

function redirectTarget(from: string, location: string | string[] | undefined): string {
  const value = Array.isArray(location) ? location[0] : location;
  if (!value) {
    throw new DrydockError('REGISTRY_PROTOCOL', `${from} sent a redirect without a location`);
  }

  let target: URL;
  try {
    target = new URL(value, from);
  } catch (err) {
    throw new DrydockError('REGISTRY_PROTOCOL', `${from} redirected to an invalid url`, {
      cause: err,
    });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new DrydockError('REGISTRY_PROTOCOL', `${from} redirected to a non-http url`);
  }
  return target.href;
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'),
  );
}

/**
 * Reads a whole body but never more than `max` bytes: the declared length is checked
 * first, and the stream is cut as soon as it goes past the limit.
 */
export async function readLimited(res: HttpResponse, max: number, what: string): Promise<Buffer> {
  const declared = Number(header(res, 'content-length'));
  if (Number.isFinite(declared) && declared > max) {
    res.body.destroy();
    throw tooLarge(what, max);
  }

  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += (chunk as Buffer).length;
    if (total > max) {
      res.body.destroy();
      throw tooLarge(what, max);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(what: string, max: number): DrydockError {
  return new DrydockError('BLOB_TOO_LARGE', `${what} is larger than the limit of ${max} bytes`);
}
