import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ScanResult } from '../../src/findings/types.js';
import {
  RESULT_SCHEMA_VERSION,
  renderJsonReport,
  type ScanResultDocument,
  scanResultSchema,
} from '../../src/report/json.js';
import { emptyResult, scanResult, TIMESTAMP } from './fixtures.js';

const OPTIONS = { color: false, timestamp: TIMESTAMP };

function render(result: ScanResult = scanResult()): Record<string, unknown> {
  return JSON.parse(renderJsonReport(result, OPTIONS)) as Record<string, unknown>;
}

describe('json report: schema', () => {
  it('describes the result model exactly (checked by the type checker)', () => {
    expectTypeOf<ScanResult>().toMatchTypeOf<ScanResultDocument>();
    expectTypeOf<keyof ScanResult>().toEqualTypeOf<keyof ScanResultDocument>();
    expectTypeOf<keyof ScanResult['vulnerabilities'][number]>().toEqualTypeOf<
      keyof ScanResultDocument['vulnerabilities'][number]
    >();
  });

  it.each([
    ['the full fixture', scanResult()],
    ['a result with no findings', emptyResult()],
  ])('%s renders to a document the schema accepts', (_, result) => {
    const parsed = scanResultSchema.safeParse(render(result));

    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each([
    ['an unknown top-level field', (d: Record<string, unknown>) => Object.assign(d, { extra: 1 })],
    [
      'a major version it does not know',
      (d: Record<string, unknown>) => Object.assign(d, { schemaVersion: '2.0' }),
    ],
    [
      'a severity outside the scale',
      (d: Record<string, unknown>) => {
        (d.vulnerabilities as { severity: { level: string } }[])[0]!.severity.level = 'SEVERE';
        return d;
      },
    ],
    [
      'an EPSS score above 1',
      (d: Record<string, unknown>) => {
        (d.vulnerabilities as { epss?: { score: number } }[])[0]!.epss!.score = 97;
        return d;
      },
    ],
    [
      'a secret location of an unknown kind',
      (d: Record<string, unknown>) => {
        (d.secrets as { location: { kind: string } }[])[0]!.location.kind = 'memory';
        return d;
      },
    ],
  ])('rejects %s', (_, spoil) => {
    expect(scanResultSchema.safeParse(spoil(render())).success).toBe(false);
  });
});

describe('json report: content', () => {
  it('writes the documented schema version and the chosen timestamp', () => {
    const doc = render({ ...scanResult(), schemaVersion: '0.0' });

    expect(doc.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    expect(doc.createdAt).toBe(TIMESTAMP);
  });

  it('keeps every finding, suppressed and unevaluated ones included', () => {
    const doc = render() as unknown as ScanResult;

    expect(doc.vulnerabilities).toHaveLength(scanResult().vulnerabilities.length);
    expect(doc.vulnerabilities.filter((v) => v.suppressed !== undefined)).toHaveLength(2);
    expect(doc.unevaluated).toHaveLength(1);
  });

  it('orders vulnerabilities by severity, then id', () => {
    const doc = render() as unknown as ScanResult;

    expect(doc.vulnerabilities.map((v) => v.severity.level)).toEqual([
      'CRITICAL',
      'HIGH',
      'MEDIUM',
      'MEDIUM',
      'LOW',
      'UNKNOWN',
    ]);
    expect(doc.vulnerabilities[2]!.id < doc.vulnerabilities[3]!.id).toBe(true);
  });

  it('writes keys in the schema order whatever order the producer used', () => {
    const shuffled = scanResult();
    const first = shuffled.vulnerabilities[0]!;
    shuffled.vulnerabilities[0] = Object.fromEntries(
      Object.entries(first).reverse(),
    ) as typeof first;

    expect(renderJsonReport(shuffled, OPTIONS)).toBe(renderJsonReport(scanResult(), OPTIONS));
  });

  it('still writes the data when a result breaks the schema', () => {
    const broken = { ...scanResult(), scanners: ['x-ray'] } as unknown as ScanResult;
    const doc = render(broken);

    expect(doc.scanners).toEqual(['x-ray']);
    expect(scanResultSchema.safeParse(doc).success).toBe(false);
  });
});
