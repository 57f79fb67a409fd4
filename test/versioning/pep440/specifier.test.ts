import { describe, expect, it } from 'vitest';
import { parsePep440, pep440 } from '../../../src/versioning/pep440/index.js';

const p = (s: string) => {
  const parsed = parsePep440(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('pep440 versioning: specifier sets as vulnerability ranges', () => {
  const table: [string, string, string][] = [
    ['2.0.0rc1', '<2.0.1', 'affected'],
    ['2.0.1', '>=1.0,<2.0.1', 'not-affected'],
    ['1.4.2', '~=1.4.0', 'affected'],
    ['1.5', '~=1.4.0', 'not-affected'],
    ['1.0', '>=1.0,<<2', 'unknown'],
    ['1.0', '~=1', 'unknown'],
    ['1.0', '==1.0.*+local', 'unknown'],
  ];
  it.each(table)('%s in "%s" is %s', (version, range, kind) => {
    expect(pep440.satisfies(p(version), range).kind).toBe(kind);
  });

  it('reads a 10,000-digit release without losing order', () => {
    const big = '9'.repeat(400);
    expect(pep440.compare(p(`${big}.1`), p(`${big}.0`))).toBe(1);
  });

  it('is linear on a ReDoS-shaped string', () => {
    expect(parsePep440(`1${'.0'.repeat(200)}+${'a-'.repeat(100)}!`).ok).toBe(false);
  });
});
