import type { Readable } from 'node:stream';
import { DrydockError } from '../../errors.js';
import type { Credentials } from '../credentials/index.js';
import { type AuthContext, answerChallenge, type TokenCache } from './auth.js';
import { parseChallenges } from './challenge.js';
import {
  type HttpResponse,
  type HttpSettings,
  header,
  headerList,
  readLimited,
  send,
} from './http.js';
import type { RegistryReference } from './reference.js';
import { isRetryableStatus, parseRetryAfter, type RetryPolicy, withRetry } from './retry.js';

export interface ClientOptions {
  insecure: boolean;
  http: HttpSettings;
  retry: RetryPolicy;
  cache: TokenCache;
  credentials: () => Promise<Credentials | undefined>;
}

export interface FetchedManifest {
  bytes: Buffer;
  /** Content-Type without parameters, if sent. */
  mediaType?: string;
  /** Docker-Content-Digest, if sent; untrusted until checked. */
  digestHeader?: string;
}

/** Distribution API v2 client for one repository (distribution spec, "Pulling"). */
export class RegistryClient {
  private readonly base: string;
  private readonly auth: AuthContext;
  private authorization: string | undefined;

  constructor(
    private readonly ref: RegistryReference,
    private readonly options: ClientOptions,
  ) {
    this.base = `${options.insecure ? 'http' : 'https'}://${ref.apiHost}/v2/${ref.repository}`;
    this.auth = {
      registry: ref.registry,
      repository: ref.repository,
      insecure: options.insecure,
      http: options.http,
      retry: options.retry,
      cache: options.cache,
      credentials: once(options.credentials),
    };
  }

  async manifest(selector: string, accept: string, max: number): Promise<FetchedManifest> {
    const what = `manifest ${this.ref.name}:${selector}`;

    return this.get(`/manifests/${selector}`, { accept }, what, async (res) => {
      if (res.status === 404) {
        await res.body.dump();
        throw new DrydockError('SOURCE_NOT_FOUND', `${what} was not found in the registry`);
      }
      this.expectOk(res, what);

      const bytes = await readLimited(res, max, what);
      const contentType = header(res, 'content-type')?.split(';')[0]?.trim();
      return {
        bytes,
        mediaType: contentType || undefined,
        digestHeader: header(res, 'docker-content-digest'),
      };
    });
  }

  async blobBytes(digest: string, max: number, what: string): Promise<Buffer> {
    return this.getBlob(digest, what, (res) => readLimited(res, max, `${what} ${digest}`));
  }

  /** The blob's raw bytes as a stream; only the response headers are retried. */
  async openBlob(digest: string, size: number): Promise<Readable> {
    const res = await this.getBlob(digest, 'blob', async (r) => r);
    const declared = Number(header(res, 'content-length'));
    if (Number.isFinite(declared) && size >= 0 && declared > size) {
      res.body.destroy();
      throw new DrydockError(
        'BLOB_TOO_LARGE',
        `blob ${digest} of ${this.ref.name} is ${declared} bytes, more than its declared ${size}`,
      );
    }
    return res.body;
  }

  private getBlob<T>(digest: string, what: string, use: (res: HttpResponse) => Promise<T>) {
    return this.get(`/blobs/${digest}`, {}, `${what} ${digest}`, async (res) => {
      if (res.status === 404) {
        await res.body.dump();
        throw new DrydockError(
          'BLOB_MISSING',
          `${what} ${digest} is missing from ${this.ref.name}`,
        );
      }
      this.expectOk(res, `${what} ${digest}`);
      return use(res);
    });
  }

  private expectOk(res: HttpResponse, what: string): void {
    if (res.status === 200) return;
    res.body.destroy();
    throw new DrydockError('REGISTRY_HTTP', `${what}: ${res.url} answered HTTP ${res.status}`);
  }

  /**
   * GET with authentication and retries. `use` runs inside the retry loop, so a body
   * that breaks off while it is read is fetched again; a stream handed out is not.
   */
  private async get<T>(
    path: string,
    headers: Record<string, string>,
    what: string,
    use: (res: HttpResponse) => Promise<T>,
  ): Promise<T> {
    const url = `${this.base}${path}`;

    return withRetry(
      what,
      this.options.retry,
      async () => {
        const res = await this.authorized(url, headers);
        if (!isRetryableStatus(res.status)) return { done: true, value: await use(res) };

        await res.body.dump();
        const tries = this.options.retry.attempts;
        const error = new DrydockError(
          'REGISTRY_HTTP',
          `${what}: ${url} answered HTTP ${res.status} after ${tries} attempts`,
        );
        const retryAfterMs = parseRetryAfter(header(res, 'retry-after'));
        return { done: false, reason: `HTTP ${res.status}`, retryAfterMs, error };
      },
      this.options.http.signal,
    );
  }

  private async authorized(url: string, headers: Record<string, string>): Promise<HttpResponse> {
    const first = await send(url, { headers: this.withAuth(headers) }, this.options.http);
    if (first.status !== 401 && first.status !== 403) return first;
    await first.body.dump();
    if (first.status === 403) throw this.denied(403);

    const challenges = parseChallenges(headerList(first, 'www-authenticate'));
    if (!challenges) {
      throw new DrydockError(
        'REGISTRY_AUTH',
        `registry ${this.ref.registry} sent a malformed WWW-Authenticate challenge`,
      );
    }
    this.authorization = await answerChallenge(this.auth, challenges);

    const second = await send(url, { headers: this.withAuth(headers) }, this.options.http);
    if (second.status === 401 || second.status === 403) {
      await second.body.dump();
      throw this.denied(second.status);
    }
    return second;
  }

  private denied(status: number): DrydockError {
    return new DrydockError(
      'REGISTRY_AUTH',
      `registry ${this.ref.registry} refused access to ${this.ref.repository} (HTTP ${status}): ` +
        'check the credentials and that the repository exists',
    );
  }

  private withAuth(headers: Record<string, string>): Record<string, string> {
    if (!this.authorization) return headers;
    return { ...headers, authorization: this.authorization };
  }
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => {
    result ??= fn();
    return result;
  };
}
