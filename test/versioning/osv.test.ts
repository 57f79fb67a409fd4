import { describe, expect, it } from 'vitest';
import { evaluateOsv, evaluateOsvTrusted } from '../../src/versioning/index.js';
import type { OsvAffected } from '../../src/versioning/types.js';
import { loadAffected } from './advisories.js';

const range = (type: string, ...events: Record<string, string>[]) =>
  ({ ranges: [{ type, events }] }) as OsvAffected;

describe('osv evaluator: events', () => {
  const table: [string, string, OsvAffected, string][] = [
    ['npm', '1.0.0', range('SEMVER', { introduced: '0' }, { fixed: '1.2.3' }), 'affected'],
    ['npm', '1.2.3', range('SEMVER', { introduced: '0' }, { fixed: '1.2.3' }), 'not-affected'],
    ['npm', '0.9.0', range('SEMVER', { introduced: '1.0.0' }, { fixed: '1.2.3' }), 'not-affected'],
    [
      'PyPI',
      '1.4',
      range('ECOSYSTEM', { introduced: '1.0' }, { last_affected: '1.4' }),
      'affected',
    ],
    [
      'PyPI',
      '1.4.post1',
      range('ECOSYSTEM', { introduced: '1.0' }, { last_affected: '1.4' }),
      'not-affected',
    ],
    // Two intervals in one range, events given out of order.
    [
      'Maven',
      '2.5',
      range(
        'ECOSYSTEM',
        { fixed: '3.0' },
        { introduced: '2.0' },
        { fixed: '1.5' },
        { introduced: '1.0' },
      ),
      'affected',
    ],
    [
      'Maven',
      '1.7',
      range(
        'ECOSYSTEM',
        { fixed: '3.0' },
        { introduced: '2.0' },
        { fixed: '1.5' },
        { introduced: '1.0' },
      ),
      'not-affected',
    ],
    ['Go', 'v1.5.0', range('SEMVER', { introduced: '0' }, { fixed: '1.6.0' }), 'affected'],
    ['Go', 'v1.6.0', range('SEMVER', { introduced: '0' }, { fixed: '1.6.0' }), 'not-affected'],
    ['Debian:12', '1.0-1', range('ECOSYSTEM', { introduced: '0' }, { fixed: '1.0-2' }), 'affected'],
    [
      'AlmaLinux:8',
      '1:1.26.0-13.el8',
      range('ECOSYSTEM', { introduced: '0' }, { fixed: '1:1.26.0-14.el8_3' }),
      'affected',
    ],
    [
      'crates.io',
      '0.3.0',
      range('SEMVER', { introduced: '0.1.0' }, { limit: '0.2.0' }),
      'not-affected',
    ],
    [
      'crates.io',
      '0.1.5',
      range('SEMVER', { introduced: '0.1.0' }, { limit: '0.2.0' }),
      'affected',
    ],
    ['npm', '2.0.0', range('SEMVER', { introduced: '1.0.0' }), 'affected'],
    ['npm', '1.1.0', { versions: ['1.1.0'] }, 'affected'],
    ['npm', '1.1.1', { versions: ['1.1.0'] }, 'not-affected'],
    ['PyPI', '1.1', { versions: ['1.1.0'] }, 'affected'],
  ];
  it.each(table)('%s %s is %s', (ecosystem, version, affected, kind) => {
    expect(evaluateOsv(ecosystem, affected, version).kind).toBe(kind);
  });
});

describe('osv evaluator: unknown is never folded into not-affected', () => {
  const table: [string, string, unknown][] = [
    [
      'installed version unreadable',
      'not-a-version',
      range('SEMVER', { introduced: '0' }, { fixed: '1.0.0' }),
    ],
    ['event version unreadable', '1.0.0', range('SEMVER', { introduced: '0' }, { fixed: '1.x' })],
    ['unsupported range type', '1.0.0', range('CVSS', { introduced: '0' })],
    ['GIT range alone', '1.0.0', range('GIT', { introduced: 'abc' }, { fixed: 'def' })],
    [
      'event with two keys',
      '1.0.0',
      { ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1' }] }] },
    ],
    ['entry is not an object', '1.0.0', 'ranges'],
    ['events missing', '1.0.0', { ranges: [{ type: 'SEMVER' }] }],
  ];
  it.each(table)('%s gives unknown with a reason', (_name, version, affected) => {
    const result = evaluateOsv('npm', affected, version);
    expect(result.kind).toBe('unknown');
    if (result.kind === 'unknown') expect(result.reason).not.toBe('');
  });

  it('still says affected when another range matches', () => {
    const affected = {
      ranges: [
        { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: 'garbage' }] },
        { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] },
      ],
    };
    expect(evaluateOsv('npm', affected, '1.0.0').kind).toBe('affected');
  });

  it('lets the versions list speak for GIT ranges', () => {
    const affected = {
      ranges: [{ type: 'GIT', events: [{ introduced: 'abc' }] }],
      versions: ['1.0.0'],
    };
    expect(evaluateOsv('npm', affected, '1.0.1').kind).toBe('not-affected');
  });
});

// Real records: every bound must be readable, an introduced version is inside its own
// interval and a fixed version is outside it. The few records upstream got wrong are
// listed with the reason, so a new failure cannot hide among them.
describe('osv evaluator: real advisories', () => {
  const sources: [string, number][] = [
    ['golang-vulndb', Number.POSITIVE_INFINITY],
    ['rustsec-osv', Number.POSITIVE_INFINITY],
    ['almalinux-osv', 600],
    ['ghsa-selected', Number.POSITIVE_INFINITY],
  ];

  it.each(sources)('%s: bounds are readable and decide as they say', (folder, limit) => {
    const problems: string[] = [];
    let checked = 0;
    for (const { id, ecosystem, affected } of loadAffected(folder, limit)) {
      for (const r of affected.ranges ?? []) {
        if (r.type === 'GIT') continue;
        const single = { ranges: [r] } as OsvAffected;
        for (const event of r.events) {
          const [kind, version] = Object.entries(event)[0]!;
          if (version === '0' || kind === 'limit') continue;
          const result = evaluateOsvTrusted(ecosystem, single, version);
          checked++;
          if (result.kind === 'unknown') problems.push(`${id} ${version}: ${result.reason}`);
          if (kind === 'fixed' && result.kind === 'affected')
            problems.push(`${id} fixed ${version}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});
