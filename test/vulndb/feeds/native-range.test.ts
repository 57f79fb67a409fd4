import { describe, expect, it } from 'vitest';
import { affectedExpression, unaffectedList } from '../../../src/vulndb/feeds/native-range.js';

describe('vulndb native-range affectedExpression', () => {
  it.each([
    ['<=1.5.1', [{ introduced: '0' }, { last_affected: '1.5.1' }]],
    ['< 2.0.0', [{ introduced: '0' }, { fixed: '2.0.0' }]],
    ['>=2.0.0, <2.0.99', [{ introduced: '2.0.0' }, { fixed: '2.0.99' }]],
    ['>= 1.0 <= 1.4', [{ introduced: '1.0' }, { last_affected: '1.4' }]],
    ['*', [{ introduced: '0' }]],
  ])('turns %s into events', (expression, events) => {
    expect(affectedExpression(expression, 'SEMVER')).toEqual({
      ranges: [{ type: 'SEMVER', events }],
      versions: [],
    });
  });

  it.each(['^1.2.3', '>2.0.0 <3', '~0.8.0', '1.0.0 - 2.0.0', '<1 || >2', '>=1 >=2 <3'])(
    'keeps %s as a NATIVE range, whole',
    (expression) => {
      expect(affectedExpression(expression, 'SEMVER').ranges).toEqual([
        { type: 'NATIVE', expression, meaning: 'affected' },
      ]);
    },
  );

  it('splits alternatives and lists exact versions', () => {
    expect(affectedExpression('<1.0.0 || =1.2.0 || >=2.0.0 <2.1.0', 'SEMVER')).toEqual({
      ranges: [
        { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] },
        { type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.1.0' }] },
      ],
      versions: ['1.2.0'],
    });
  });

  it('stays linear on a long hostile expression', () => {
    const hostile = `${'>= '.repeat(20_000)}1`;
    expect(affectedExpression(hostile, 'SEMVER').ranges[0]?.type).toBe('NATIVE');
  });
});

describe('vulndb native-range unaffectedList', () => {
  it.each([
    [['>= 2.2.1'], [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.2.1' }] }]],
    [
      ['~> 3.1.21', '>= 3.2.6'],
      [{ type: 'NATIVE', expression: '~> 3.1.21 || >= 3.2.6', meaning: 'unaffected' }],
    ],
    [[], []],
  ])('reads %j', (list, ranges) => {
    expect(unaffectedList(list)).toEqual(ranges);
  });
});
