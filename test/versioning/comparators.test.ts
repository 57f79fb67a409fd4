import { describe, expect, it } from 'vitest';
import { COMMON_OPERATORS, parseComparatorList } from '../../src/versioning/comparators.js';

describe('comparator lists', () => {
  it('splits alternatives and terms, with or without spaces after operators', () => {
    expect(parseComparatorList('>= 1.0, <2.0 || = 3', COMMON_OPERATORS)).toEqual([
      [
        { op: '>=', version: '1.0' },
        { op: '<', version: '2.0' },
      ],
      [{ op: '=', version: '3' }],
    ]);
  });

  it('reads a bare version as equality', () => {
    expect(parseComparatorList('1.0', COMMON_OPERATORS)).toEqual([[{ op: '=', version: '1.0' }]]);
  });

  const bad: [string, string][] = [
    ['', 'range is empty'],
    ['>= 1.0 ||', 'range has an empty alternative'],
    ['=> 1.0', 'operator "=>" is not supported here'],
    ['>=', 'operator ">=" has no version'],
    ['>= <= 1.0', 'operator ">=" has no version'],
    ['1 || '.repeat(2000), 'range is longer than 4096 characters'],
  ];
  it.each(bad)('explains why "%s" is not a range', (range, reason) => {
    expect(parseComparatorList(range, COMMON_OPERATORS)).toBe(reason);
  });
});
