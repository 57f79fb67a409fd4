import { Agent } from 'undici';
import { resolveCredentials } from '../image/credentials/index.js';
import { answerChallenge, TokenCache } from '../image/registry/auth.js';
import { parseChallenges } from '../image/registry/challenge.js';
import type { RegistryReference } from '../image/registry/reference.js';
import { DEFAULT_RETRY } from '../image/registry/retry.js';

/**
 * Authorization for DB push and pull, with the same rules as image pulls: anonymous first,
 * then whatever the registry's challenge asks for (a bearer token from its realm, or basic
 * auth), with credentials from the flags or the docker config. The header is kept for
 * the session, so only the first request of a push meets the challenge.
 */
export interface AuthOptions {
  insecure?: boolean;
  username?: string;
  password?: string;
}

export class RegistrySession {
  private authorization: string | undefined;
  private readonly cache = new TokenCache();
  private readonly dispatcher = new Agent({ connect: { timeout: 30_000 } });

  constructor(
    private readonly ref: RegistryReference,
    private readonly opts: AuthOptions,
  ) {}

  headers(): Record<string, string> {
    return this.authorization ? { authorization: this.authorization } : {};
  }

  /** Sends with the session's authorization; a 401 is answered once, then sent again. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const first = await fetch(url, { ...init, headers: { ...this.headers(), ...init.headers } });
    if (first.status !== 401) return first;

    const challenges = parseChallenges(headerValues(first));
    await first.body?.cancel();
    this.authorization = await answerChallenge(
      {
        registry: this.ref.registry,
        repository: this.ref.repository,
        insecure: this.opts.insecure ?? false,
        http: { dispatcher: this.dispatcher, headersTimeoutMs: 30_000, bodyTimeoutMs: 300_000 },
        retry: DEFAULT_RETRY,
        cache: this.cache,
        credentials: () =>
          resolveCredentials(this.ref.registry, {
            username: this.opts.username,
            password: this.opts.password,
          }),
      },
      challenges ?? [],
    );
    return fetch(url, { ...init, headers: { ...this.headers(), ...init.headers } });
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

function headerValues(res: Response): string[] {
  const value = res.headers.get('www-authenticate');
  return value ? [value] : [];
}
