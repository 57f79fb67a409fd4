import { describe, expect, it } from 'vitest';
import type { CvssScore, VulnerabilityFinding } from '../../src/findings/types.js';
import {
  evidencePlace,
  fixedText,
  normaliseResult,
  primaryCvss,
  reportTimestamp,
  secretPlace,
  severityRank,
  suppressionText,
  totalLine,
} from '../../src/report/model.js';
import { scanResult } from './fixtures.js';

const DIFF = `sha256:${'01'.repeat(32)}`;

function base(): VulnerabilityFinding {
  return scanResult().vulnerabilities[0]!;
}

function score(version: CvssScore['version'], value: number, source = 'nvd'): CvssScore {
  return { version, vector: `CVSS:${version}/x`, score: value, source };
}

describe('report model: severity', () => {
  it.each([
    ['CRITICAL', 0],
    ['HIGH', 1],
    ['MEDIUM', 2],
    ['LOW', 3],
    ['NEGLIGIBLE', 4],
    ['UNKNOWN', 5],
  ] as const)('ranks %s at %i', (level, rank) => {
    expect(severityRank(level)).toBe(rank);
  });

  it('writes a total line with every level, zeros included', () => {
    expect(totalLine(['HIGH', 'CRITICAL', 'HIGH'])).toBe(
      'Total: 3 (CRITICAL: 1, HIGH: 2, MEDIUM: 0, LOW: 0, NEGLIGIBLE: 0, UNKNOWN: 0)',
    );
    expect(totalLine([], ['CRITICAL', 'LOW'])).toBe('Total: 0 (CRITICAL: 0, LOW: 0)');
  });
});

describe('report model: primaryCvss', () => {
  it.each([
    ['v3.1 over v4.0', [score('4.0', 9.3), score('3.1', 7.5)], '3.1', 7.5],
    ['v3.0 over v2.0', [score('2.0', 10), score('3.0', 6.1)], '3.0', 6.1],
    ['v4.0 over v2.0', [score('2.0', 10), score('4.0', 8.7)], '4.0', 8.7],
    [
      'the severity source within a version',
      [score('3.1', 9.8, 'other'), score('3.1', 7.2, 'ghsa')],
      '3.1',
      7.2,
    ],
    [
      'the higher score between other sources',
      [score('3.1', 5, 'a'), score('3.1', 6, 'b')],
      '3.1',
      6,
    ],
  ])('prefers %s', (_, cvss, version, value) => {
    const v = { ...base(), cvss, severity: { level: 'HIGH' as const, source: 'ghsa' } };

    expect(primaryCvss(v)).toMatchObject({ version, score: value });
  });

  it('has none when no score is known', () => {
    expect(primaryCvss({ ...base(), cvss: [] })).toBeUndefined();
  });
});

describe('report model: wording', () => {
  it.each([
    [['1.2.3', '2.0.1'], 'fixed', '1.2.3, 2.0.1'],
    [[], 'unfixed', 'unfixed'],
    [[], 'will-not-fix', 'will-not-fix'],
    [[], 'fixed', ''],
  ] as const)('fixedText of %j with status %s is %j', (fixedVersions, status, text) => {
    expect(fixedText({ ...base(), fixedVersions: [...fixedVersions], status })).toBe(text);
  });

  it('names who suppressed a finding and why', () => {
    const v = { ...base(), suppressed: { by: 'vex' as const, reason: 'r', justification: 'j' } };

    expect(suppressionText(v)).toBe('suppressed by vex: r (j)');
    expect(suppressionText(base())).toBe('');
  });

  it.each([
    [{ kind: 'config', field: 'Env', key: 'TOKEN' }, 'image config Env TOKEN'],
    [{ kind: 'file', path: 'a/.env', layer: 2, diffId: DIFF, line: 4 }, 'a/.env:4 (layer 2)'],
    [
      {
        kind: 'file',
        path: 'app.jar',
        layer: 1,
        diffId: DIFF,
        line: 3,
        within: [
          { kind: 'member', name: 'conf/a.properties' },
          { kind: 'base64', line: 9 },
        ],
        removedBy: 2,
      },
      'app.jar!conf/a.properties (base64 at line 9):3 (layer 1, removed by layer 2)',
    ],
  ] as const)('places secret %j as %j', (location, text) => {
    expect(secretPlace(location as never)).toBe(text);
  });

  it.each([
    [{ detail: 'd', path: 'etc/x', line: 3, layer: 1 }, 'etc/x:3, layer 1'],
    [{ detail: 'd', line: 7 }, 'line 7'],
    [{ detail: 'd', historyIndex: 2, createdBy: 'RUN x' }, 'step 2: RUN x'],
    [{ detail: 'd' }, ''],
  ])('places evidence %j as %j', (evidence, text) => {
    expect(evidencePlace(evidence)).toBe(text);
  });
});

describe('report model: normaliseResult', () => {
  it('sorts every list and leaves the input as it was', () => {
    const input = scanResult();
    input.vulnerabilities.reverse();
    const before = structuredClone(input);

    const out = normaliseResult(input, { color: false });
    expect(out.vulnerabilities[0]!.id).toBe('CVE-2024-5535');
    expect(out.secrets.map((s) => s.severity)).toEqual(['critical', 'high']);
    expect(out.scanners).toEqual(['misconfig', 'secret', 'vuln']);
    expect(input).toEqual(before);
  });

  it("uses the result's own time when none is given, to the second", () => {
    expect(normaliseResult(scanResult(), { color: false }).createdAt).toBe('2024-04-01T00:00:00Z');
  });

  it.each([
    ['2024-05-01T12:00:00.999Z', '2024-05-01T12:00:00Z'],
    ['2024-05-01T14:00:00+02:00', '2024-05-01T12:00:00Z'],
  ])('writes timestamp %j as %j', (input, expected) => {
    expect(reportTimestamp(input)).toBe(expected);
  });

  it.each(['', 'soon', '2024-13-45'])('rejects timestamp %j', (input) => {
    expect(() => reportTimestamp(input)).toThrow(/invalid report timestamp/);
  });
});
