import { describe, expect, it } from 'vitest';
import { compareDigits, stripLeadingZeros } from '../../src/versioning/numeric.js';

describe('digit-run ordering', () => {
  const table: [string, string, number][] = [
    ['0', '00', 0],
    ['9', '10', -1],
    ['0010', '9', 1],
    ['123456789012345678901234567890', '123456789012345678901234567891', -1],
    ['', '0', 0],
  ];
  it.each(table)('%s vs %s is %d', (a, b, expected) => {
    expect(Math.sign(compareDigits(a, b))).toBe(expected);
  });

  it('strips leading zeros but keeps a lone zero', () => {
    expect(stripLeadingZeros('000')).toBe('0');
    expect(stripLeadingZeros('0042')).toBe('42');
  });
});
