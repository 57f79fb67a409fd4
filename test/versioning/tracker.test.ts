import { describe, expect, it } from 'vitest';
import { evaluateTracker, satisfies } from '../../src/versioning/index.js';
import { parseTrackerStatus } from '../../src/versioning/tracker.js';

describe('tracker status: notations', () => {
  const table: [string, unknown][] = [
    ['<unfixed>', { kind: 'unfixed' }],
    ['<not-affected> (vulnerable code not present)', { kind: 'not-affected' }],
    ['<no-dsa>', { kind: 'unfixed', reason: 'no DSA planned' }],
    ['<end-of-life>', { kind: 'unfixed', reason: 'release or package is end of life' }],
    ['<undetermined>', { kind: 'undetermined', reason: 'tracker says undetermined' }],
    ['released (1.2-3ubuntu1)', { kind: 'fixed', fixed: '1.2-3ubuntu1' }],
    ['needed', { kind: 'unfixed' }],
    ['DNE', { kind: 'not-affected', reason: 'package does not exist in this release' }],
    ['needs-triage', { kind: 'undetermined', reason: 'tracker says needs-triage' }],
    ['<made-up>', undefined],
    ['>= 1.0', undefined],
    ['1.2-3', undefined],
  ];
  it.each(table)('reads %s', (text, expected) => {
    expect(parseTrackerStatus(text)).toEqual(expected);
  });
});

describe('tracker status: decisions', () => {
  const table: [string, string, string, string][] = [
    ['Debian:12', '1.2-2', 'released (1.2-3)', 'affected'],
    ['Debian:12', '1.2-3', 'released (1.2-3)', 'not-affected'],
    ['Ubuntu:22.04:LTS', '1.0', 'needed', 'affected'],
    ['Ubuntu:22.04:LTS', '1.0', 'not-affected', 'not-affected'],
    ['Debian:11', '1.0', '<unfixed>', 'affected'],
    ['Debian:11', '1.0', '<undetermined>', 'unknown'],
    ['Alpine:v3.18', '1.2.3-r0', '<not-affected>', 'not-affected'],
    ['Debian:12', '1.0', 'released (:bad)', 'unknown'],
  ];
  it.each(table)('%s %s under "%s" is %s', (ecosystem, version, status, kind) => {
    expect(satisfies(ecosystem, version, status).kind).toBe(kind);
  });

  it('treats a Debian fixed version of 0 as never affected', () => {
    expect(evaluateTracker('Debian', '1.0', { kind: 'fixed', fixed: '0' }).kind).toBe(
      'not-affected',
    );
  });

  it('does not read tracker words as ranges for language ecosystems', () => {
    expect(satisfies('npm', '1.0.0', 'needed').kind).toBe('unknown');
  });
});
