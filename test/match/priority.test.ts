import { describe, expect, it } from 'vitest';
import { computePriority, type PriorityInput } from '../../src/match/priority.js';

const base: PriorityInput = { severity: 'MEDIUM', kev: false, status: 'fixed' };

describe('match computePriority', () => {
  const table: Array<[Partial<PriorityInput>, string]> = [
    [{ kev: true }, 'P0: known exploited (KEV), medium severity, fix available'],
    [
      { kev: true, status: 'unfixed' },
      'P0: known exploited (KEV), medium severity, no fix (unfixed)',
    ],
    [{ epss: 0.6 }, 'P1: likely exploited (EPSS 60.0%), medium severity, fix available'],
    [
      { severity: 'CRITICAL', epss: 0.1, cvss: 9.8 },
      'P1: likely exploited (EPSS 10.0%), critical severity (CVSS 9.8), fix available',
    ],
    [{ severity: 'HIGH', cvss: 7.5 }, 'P2: high severity (CVSS 7.5), fix available'],
    [
      { severity: 'HIGH', status: 'will-not-fix' },
      'P3: high severity, no fix (will-not-fix), lowered one level',
    ],
    [{}, 'P3: medium severity, fix available'],
    [{ severity: 'UNKNOWN' }, 'P3: unrated, fix available'],
    [{ severity: 'LOW', status: 'unfixed' }, 'P4: low severity, no fix (unfixed)'],
  ];
  for (const [input, reason] of table) {
    it(`explains ${reason}`, () =>
      expect(computePriority({ ...base, ...input }).reason).toBe(reason));
  }

  it('orders a higher CVSS above a lower one within a level', () => {
    const high = computePriority({ ...base, severity: 'HIGH', cvss: 8.8 });
    const low = computePriority({ ...base, severity: 'HIGH', cvss: 7.0 });

    expect(high.level).toBe(low.level);
    expect(high.score).toBeGreaterThan(low.score);
  });
});
