import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DrydockError, errorMessage, isDrydockError } from '../../errors.js';
import type { Credentials } from '../credentials/index.js';
import type { Challenge } from './challenge.js';
import { type HttpSettings, header, readLimited, send } from './http.js';
import { isRetryableStatus, parseRetryAfter, type RetryPolicy, withRetry } from './retry.js';

/** Token endpoint answers (distribution docs, spec/auth/token.md and oauth.md). */
const tokenSchema = z
  .object({
    token: z.string().optional(),
    access_token: z.string().optional(),
    expires_in: z.number().positive().optional(),
  })
  .refine((t) => Boolean(t.token || t.access_token), 'neither token nor access_token is set');

/** token.md: a token without expires_in is good for 60 seconds. */
const DEFAULT_TOKEN_SECONDS = 60;
const MAX_TOKEN_BYTES = 1024 * 1024;

/** Bearer tokens shared by every image opened through one source, keyed by scope. */
export class TokenCache {
  private readonly entries = new Map<string, { value: string; expires: number }>();

  get(key: string, now = Date.now()): string | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expires <= now) return undefined;
    return entry.value;
  }

  set(key: string, value: string, seconds: number, now = Date.now()): void {
    // Renew a little early so a token does not expire between check and use.
    this.entries.set(key, { value, expires: now + Math.max(1, seconds - 5) * 1000 });
  }
}

export interface AuthContext {
  registry: string;
  repository: string;
  insecure: boolean;
  http: HttpSettings;
  retry: RetryPolicy;
  cache: TokenCache;
  credentials: () => Promise<Credentials | undefined>;
}

/**
 * Tokens are cached per identity: a hash of the secret is part of the key, so a wrong
 * password MUST NOT be answered with a token someone else's right password obtained.
 */
function identity(creds: Credentials | undefined): string {
  if (!creds) return 'anonymous';
  const secret = creds.kind === 'basic' ? `${creds.username}:${creds.password}` : creds.token;
  return `${creds.kind}:${createHash('sha256').update(secret).digest('hex')}`;
}

function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

function authError(ctx: AuthContext, reason: string, cause?: unknown): DrydockError {
  return new DrydockError('REGISTRY_AUTH', `registry ${ctx.registry}: ${reason}`, { cause });
}

/** The Authorization header to answer `challenges` with, or an error saying why not. */
export async function answerChallenge(ctx: AuthContext, challenges: Challenge[]): Promise<string> {
  const bearer = challenges.find((c) => c.scheme === 'bearer');
  if (bearer) return bearerToken(ctx, bearer);

  if (challenges.some((c) => c.scheme === 'basic')) {
    const creds = await ctx.credentials();
    if (creds?.kind === 'basic') return basicHeader(creds.username, creds.password);
    if (creds) throw authError(ctx, `basic auth is required but ${creds.from} holds a token`);
    throw authError(ctx, `credentials are required to pull ${ctx.repository}`);
  }

  const schemes = challenges.map((c) => c.scheme).join(', ') || 'none';
  throw authError(ctx, `unsupported authentication challenge (${schemes})`);
}

function realmOf(ctx: AuthContext, challenge: Challenge): URL {
  const realm = challenge.params.realm;
  if (!realm) throw authError(ctx, 'the bearer challenge names no token realm');

  let url: URL;
  try {
    url = new URL(realm);
  } catch (err) {
    throw authError(ctx, `token realm "${realm.slice(0, 200)}" is not a valid url`, err);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw authError(ctx, `token realm ${url.href} is not an http(s) url`);
  }
  return url;
}

async function bearerToken(ctx: AuthContext, challenge: Challenge): Promise<string> {
  const realm = realmOf(ctx, challenge);
  const scope = challenge.params.scope ?? `repository:${ctx.repository}:pull`;
  const service = challenge.params.service;
  const creds = await ctx.credentials();

  // Credentials MUST NOT travel in clear text unless the user asked for plain HTTP.
  if (creds && realm.protocol === 'http:' && !ctx.insecure) {
    throw authError(ctx, `refusing to send credentials to plain-http token realm ${realm.href}`);
  }

  const key = [realm.href, service ?? '', scope, identity(creds)].join('|');
  const cached = ctx.cache.get(key);
  if (cached) return `Bearer ${cached}`;

  const { token, seconds } = await fetchToken(ctx, realm, service, scope, creds);
  ctx.cache.set(key, token, seconds);
  return `Bearer ${token}`;
}

async function fetchToken(
  ctx: AuthContext,
  realm: URL,
  service: string | undefined,
  scope: string,
  creds: Credentials | undefined,
): Promise<{ token: string; seconds: number }> {
  const url = new URL(realm.href);
  if (service) url.searchParams.set('service', service);
  url.searchParams.set('scope', scope);
  const init = tokenRequest(url, service, scope, creds);
  const what = `token request to ${url.origin}${url.pathname}`;

  const bytes = await withRetry(
    what,
    ctx.retry,
    async () => {
      const res = await send(init.url, init.init, ctx.http).catch((err: unknown) => {
        if (isDrydockError(err)) throw err;
        throw Object.assign(new Error(`cannot reach token realm: ${errorMessage(err)}`), {
          cause: err,
        });
      });
      if (isRetryableStatus(res.status)) {
        await res.body.dump();
        const reason = `HTTP ${res.status}`;
        return { done: false, reason, retryAfterMs: parseRetryAfter(header(res, 'retry-after')) };
      }
      if (res.status === 401 || res.status === 403) {
        await res.body.dump();
        throw authError(
          ctx,
          `token realm ${url.origin} rejected the credentials (HTTP ${res.status})`,
        );
      }
      if (res.status !== 200) {
        await res.body.dump();
        throw authError(ctx, `token realm ${url.origin} answered HTTP ${res.status}`);
      }
      return { done: true, value: await readLimited(res, MAX_TOKEN_BYTES, what) };
    },
    ctx.http.signal,
  );

  return parseToken(ctx, bytes, url);
}

function tokenRequest(url: URL, service: string | undefined, scope: string, creds?: Credentials) {
  if (creds?.kind === 'identity-token') {
    // oauth.md: a refresh token is exchanged with a POST of the form fields.
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: creds.token,
      client_id: 'drydock',
      scope,
    });
    if (service) form.set('service', service);
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    return { url: url.href, init: { method: 'POST' as const, headers, body: form.toString() } };
  }

  const headers: Record<string, string> = {};
  if (creds?.kind === 'basic') headers.authorization = basicHeader(creds.username, creds.password);
  return { url: url.href, init: { headers } };
}

function parseToken(ctx: AuthContext, bytes: Buffer, url: URL) {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw authError(ctx, `token realm ${url.origin} did not answer with JSON`, err);
  }
  const parsed = tokenSchema.safeParse(raw);
  if (!parsed.success) {
    throw authError(ctx, `token realm ${url.origin} answered without a usable token`);
  }
  const token = (parsed.data.token || parsed.data.access_token)!;
  return { token, seconds: parsed.data.expires_in ?? DEFAULT_TOKEN_SECONDS };
}
