import { describe, expect, it } from 'vitest';
import { parseRpm, rpm } from '../../../src/versioning/rpm/index.js';
import { assertOrderLaws, joined } from '../properties.js';

const p = (s: string) => {
  const parsed = parseRpm(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('rpm versioning: EVR', () => {
  const table: [string, string, number][] = [
    ['1:1.0-1', '2.0-1', 1],
    ['0:1.0-1', '1.0-1', 0],
    ['1.0-1.el8', '1.0-1.el8_3', -1],
    ['1.0', '1.0-1', -1],
    ['2.4.37-21.module+el8', '2.4.37-21.module+el8', 0],
    ['a:1', 'a:1', 0],
  ];
  it.each(table)('%s vs %s is %d', (a, b, expected) => {
    expect(Math.sign(rpm.compare(p(a), p(b)))).toBe(expected);
  });

  it('splits epoch, version and release like parseEVR', () => {
    expect(p('3:1.2-3-4')).toEqual({ epoch: '3', version: '1.2-3', release: '4' });
    expect(p(':1.2')).toEqual({ epoch: '0', version: '1.2', release: undefined });
  });

  it('refuses empty, spaced and oversized input', () => {
    expect(parseRpm('').ok).toBe(false);
    expect(parseRpm('1.0 -1').ok).toBe(false);
    expect(parseRpm('9'.repeat(10_000)).ok).toBe(false);
  });

  it('evaluates comparator ranges', () => {
    expect(rpm.satisfies(p('1:1.26.0-13.el8'), '< 1:1.26.0-14.el8_3').kind).toBe('affected');
    expect(rpm.satisfies(p('1:1.26.0-14.el8_3'), '< 1:1.26.0-14.el8_3').kind).toBe('not-affected');
  });
});

describe('rpm versioning: order properties', () => {
  const version = joined(['1', '02', '.', 'a', 'B', '~', '^', '_', '-1', '.el8'], 1, 6);
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(
      version.map((s) => `1:1${s}`),
      p,
      rpm.compare,
    );
  });
});
