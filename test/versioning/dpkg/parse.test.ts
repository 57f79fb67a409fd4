import { describe, expect, it } from 'vitest';
import { dpkg, formatDpkg, parseDpkg } from '../../../src/versioning/dpkg/index.js';
import { cases } from '../vectors.js';

const p = (s: string) => {
  const parsed = parseDpkg(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('dpkg parse: upstream vectors', () => {
  it.each(cases('dpkg-parse.tsv'))('parses %s', (_label, row) => {
    const parsed = parseDpkg(row.input!);
    if (row.result === 'error') {
      expect(parsed.ok).toBe(false);
      return;
    }

    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(dpkg.isValid(row.input!)).toBe(row.result === 'valid');
    if (row.result === 'valid') {
      expect(parsed.value.epoch).toBe(Number(row.epoch));
      expect(parsed.value.upstream).toBe(row.upstream);
      expect(parsed.value.revision).toBe(row.revision);
    }
  });
});

describe('dpkg parse: details', () => {
  it('trims surrounding whitespace as dpkg does', () => {
    expect(parseDpkg(' \t0:0-1 ')).toMatchObject({ ok: true, value: { upstream: '0' } });
  });

  it('formats a parsed version back to its canonical text', () => {
    expect(formatDpkg(p('0:1.2-3'))).toBe('1.2-3');
    expect(formatDpkg(p('2:1.2'))).toBe('2:1.2');
  });

  it('refuses hostile input: huge strings, non-strings', () => {
    expect(parseDpkg('1'.repeat(100_000)).ok).toBe(false);
    expect(parseDpkg(42 as unknown as string).ok).toBe(false);
  });
});
