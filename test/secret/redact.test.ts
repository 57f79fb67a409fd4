import { describe, expect, it } from 'vitest';
import { fingerprint, redact } from '../../src/secret/redact.js';

describe('redact', () => {
  const table: [string, string][] = [
    ['', '****(0)'],
    ['abc', '****(3)'],
    ['abcdefgh', 'ab****(8)'],
    ['ghp_0123456789abcdef', 'ghp_****(20)'],
  ];

  it.each(table)('shows %j as %j, never more than a quarter of it', (value, shown) => {
    expect(redact(value)).toBe(shown);
  });
});

describe('fingerprint', () => {
  it('is a truncated sha256 that depends on the rule and the value', () => {
    const a = fingerprint('github-pat', 'v');
    expect(a).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(fingerprint('github-pat', 'v')).toBe(a);
    expect(fingerprint('npm-access-token', 'v')).not.toBe(a);
    expect(fingerprint('github-pat', 'w')).not.toBe(a);
  });
});
