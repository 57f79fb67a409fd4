import { setTimeout as sleep } from 'node:timers/promises';
import { DrydockError } from '../../errors.js';
import { log } from '../../log.js';

/** How hard the client tries before it gives up on one request. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured; a registry asking for more gets this instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/** Statuses a registry or a proxy in front of it sends when trying again may help. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599 && status !== 501);
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export function isRetryableError(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
    current = current.cause;
  }
  return false;
}

/**
 * RFC 9110 section 10.2.3: Retry-After is delay-seconds or an HTTP-date. Returns
 * milliseconds, or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;

  // An HTTP-date always names a weekday or month; bare numbers such as "-5" are not dates.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** One attempt's outcome: done, or a reason to try again with an optional server delay. */
export type Attempt<T> =
  | { done: true; value: T }
  | { done: false; reason: string; retryAfterMs?: number; error?: DrydockError };

/**
 * Runs `attempt` until it is done or the policy's attempts are spent. Thrown errors that
 * look transient (resets, timeouts) are retried too; anything else propagates at once.
 */
export async function withRetry<T>(
  what: string,
  policy: RetryPolicy,
  attempt: () => Promise<Attempt<T>>,
  signal?: AbortSignal,
): Promise<T> {
  let last = '';
  let lastError: DrydockError | undefined;
  let lastThrown: unknown;
  let lastRetryAfter: number | undefined;

  for (let i = 0; i < policy.attempts; i++) {
    if (i > 0) await sleep(nextDelay(i - 1, policy, lastRetryAfter), undefined, { signal });
    lastRetryAfter = undefined;

    try {
      const outcome = await attempt();
      if (outcome.done) return outcome.value;
      last = outcome.reason;
      lastError = outcome.error;
      lastRetryAfter = outcome.retryAfterMs;
    } catch (err) {
      if (!isRetryableError(err)) throw asDrydockError(err, what);
      last = err instanceof Error ? err.message : String(err);
      lastError = undefined;
      lastThrown = err;
    }
    log().debug({ what, attempt: i + 1, reason: last }, 'registry request will be retried');
  }

  if (lastError) throw lastError;
  throw new DrydockError('NETWORK', `${what} failed after ${policy.attempts} attempts: ${last}`, {
    cause: lastThrown,
  });
}

function nextDelay(attempt: number, policy: RetryPolicy, retryAfterMs: number | undefined) {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelay(attempt, policy);
}

/**
 * System and HTTP-client errors (they carry a string `code`) become drydock errors that
 * name the request; anything else is a bug and propagates untouched.
 */
function asDrydockError(err: unknown, what: string): unknown {
  if (err instanceof DrydockError || !(err instanceof Error)) return err;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return err;
  const kind = code === 'UND_ERR_HEADERS_OVERFLOW' ? 'REGISTRY_PROTOCOL' : 'NETWORK';
  return new DrydockError(kind, `${what} failed: ${err.message}`, { cause: err });
}
