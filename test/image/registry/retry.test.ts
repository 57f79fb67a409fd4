import { describe, expect, it } from 'vitest';
import { DrydockError } from '../../../src/errors.js';
import {
  backoffDelay,
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter,
  withRetry,
} from '../../../src/image/registry/retry.js';

const POLICY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 5 };

describe('retry isRetryableStatus', () => {
  it.each([
    [429, true],
    [408, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [200, false],
    [401, false],
    [404, false],
  ])('HTTP %i retryable: %s', (status, want) => {
    expect(isRetryableStatus(status)).toBe(want);
  });
});

describe('retry parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    ['1e9', undefined],
    [undefined, undefined],
  ])('reads %j as %j ms', (value, want) => {
    expect(parseRetryAfter(value, now)).toBe(want);
  });
});

describe('retry backoffDelay', () => {
  const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 0 };
  it.each([
    [0, 0.999, 99],
    [1, 0.999, 199],
    [3, 0.999, 799],
    [10, 0.999, 999],
    [2, 0, 0],
  ])('attempt %i with random %f waits %i ms', (attempt, random, want) => {
    expect(backoffDelay(attempt, policy, () => random)).toBe(want);
  });
});

describe('retry isRetryableError', () => {
  const withCode = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ['ECONNRESET', withCode('ECONNRESET'), true],
    ['an undici headers timeout', withCode('UND_ERR_HEADERS_TIMEOUT'), true],
    ['a reset as the cause', new Error('wrapped', { cause: withCode('ECONNRESET') }), true],
    ['a drydock error', new DrydockError('REGISTRY_AUTH', 'no'), false],
    ['a plain error', new Error('boom'), false],
    ['a string', 'ECONNRESET', false],
  ])('%s retryable: %s', (_name, err, want) => {
    expect(isRetryableError(err)).toBe(want);
  });
});

describe('retry withRetry', () => {
  it('returns the first done value and stops trying', async () => {
    let calls = 0;
    const value = await withRetry('thing', POLICY, async () => {
      calls++;
      return calls < 2 ? { done: false, reason: 'HTTP 503' } : { done: true, value: 'ok' };
    });
    expect([value, calls]).toEqual(['ok', 2]);
  });

  it('throws the last attempt error once attempts are spent', async () => {
    let calls = 0;
    const error = new DrydockError('REGISTRY_HTTP', 'thing answered HTTP 503');
    const run = withRetry('thing', POLICY, async () => {
      calls++;
      return { done: false, reason: 'HTTP 503', retryAfterMs: 1_000_000, error };
    });
    await expect(run).rejects.toBe(error);
    expect(calls).toBe(3);
  });

  it('names the thing and the reason when only transient throws happened', async () => {
    const run = withRetry('manifest x', POLICY, async () => {
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    });
    await expect(run).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(run).rejects.toThrow('manifest x failed after 3 attempts: socket hang up');
  });

  it('does not retry an error that is not transient', async () => {
    let calls = 0;
    const run = withRetry('thing', POLICY, async () => {
      calls++;
      throw new DrydockError('REGISTRY_AUTH', 'denied');
    });
    await expect(run).rejects.toThrow('denied');
    expect(calls).toBe(1);
  });
});
