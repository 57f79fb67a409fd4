import { describe, expect, it } from 'vitest';
import { evaluateEntry } from '../../src/match/evaluate.js';
import type { AffectedPackage, RangeSpec } from '../../src/vulndb/model.js';

const entry = (ecosystem: string, ranges: RangeSpec[], extra: Partial<AffectedPackage> = {}) => ({
  ecosystem,
  name: 'pkg',
  ranges,
  versions: [],
  ...extra,
});
const fixedAt = (introduced: string, fixed: string): RangeSpec => ({
  type: 'ECOSYSTEM',
  events: [{ introduced }, { fixed }],
});

describe('match evaluateEntry', () => {
  const table: Array<[string, AffectedPackage, string, unknown]> = [
    [
      'below a dpkg fix',
      entry('Debian:11', [fixedAt('0', '1.2-3')]),
      '1.2-2',
      { kind: 'affected', fixed: ['1.2-3'] },
    ],
    [
      'at a dpkg fix',
      entry('Debian:11', [fixedAt('0', '1.2-3')]),
      '1.2-3',
      { kind: 'not-affected' },
    ],
    [
      'the interval holding the version',
      entry('PyPI', [fixedAt('1.0', '1.4'), fixedAt('2.0', '2.3')]),
      '2.1',
      { kind: 'affected', fixed: ['2.3'] },
    ],
    [
      'between two intervals',
      entry('PyPI', [fixedAt('1.0', '1.4'), fixedAt('2.0', '2.3')]),
      '1.5',
      { kind: 'not-affected' },
    ],
    [
      'an unfixed status with no ranges',
      entry('Wolfi', [], { status: 'unfixed' }),
      '1.0-r0',
      { kind: 'affected', fixed: [] },
    ],
    [
      'a not-affected status',
      entry('Ubuntu:18.04:LTS', [], { status: 'not-affected' }),
      '1.0',
      { kind: 'not-affected' },
    ],
    [
      'a RubyGems patched expression that takes the version',
      entry('RubyGems', [
        { type: 'NATIVE', expression: '>= 3.2.15 || ~> 2.3.2', meaning: 'unaffected' },
      ]),
      '3.2.16',
      { kind: 'not-affected' },
    ],
    [
      'a RubyGems patched expression that does not',
      entry('RubyGems', [
        { type: 'NATIVE', expression: '>= 3.2.15 || ~> 2.3.2', meaning: 'unaffected' },
      ]),
      '3.2.10',
      { kind: 'affected', fixed: ['3.2.15'] },
    ],
    [
      'GIT ranges beside an ECOSYSTEM one',
      entry('PyPI', [
        { type: 'GIT', repo: 'x', events: [{ introduced: 'abc' }] },
        fixedAt('0', '2.0'),
      ]),
      '2.1',
      { kind: 'not-affected' },
    ],
  ];
  for (const [name, e, version, expected] of table) {
    it(`judges ${name}`, () => expect(evaluateEntry(e, version)).toEqual(expected));
  }

  const unknowns: Array<[string, AffectedPackage, string]> = [
    ['an unparsable installed version', entry('RubyGems', [fixedAt('0', '1.2')]), '1.0!x'],
    ['a fixed event that is a commit hash', entry('PyPI', [fixedAt('0', 'deadbeef cafe')]), '1.0'],
    [
      'only GIT ranges',
      entry('PyPI', [{ type: 'GIT', repo: 'x', events: [{ introduced: '0' }] }]),
      '1.0',
    ],
    ['a huge version string', entry('npm', [fixedAt('0', '1.0.0')]), '1'.repeat(10_000)],
  ];
  for (const [name, e, version] of unknowns) {
    it(`says unknown, never not-affected, for ${name}`, () => {
      expect(evaluateEntry(e, version).kind).toBe('unknown');
    });
  }
});
