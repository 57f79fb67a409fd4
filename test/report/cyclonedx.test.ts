import { describe, expect, it } from 'vitest';
import { renderCycloneDxReport } from '../../src/report/cyclonedx.js';
import { cycloneDxValidator, emptyResult, scanResult, TIMESTAMP } from './fixtures.js';

interface Vuln {
  'bom-ref': string;
  id: string;
  source: { name: string; url: string };
  references: { id: string; source: { name: string; url: string } }[];
  ratings: {
    source: { name: string };
    score?: number;
    severity: string;
    method: string;
    vector?: string;
  }[];
  analysis?: { state?: string; justification?: string; response?: string[]; detail: string };
  affects: { ref: string; versions: { version: string; status: string }[] }[];
  properties: { name: string; value: string }[];
  published?: string;
  recommendation?: string;
}
interface Bom {
  serialNumber: string;
  components: { 'bom-ref': string; name: string }[];
  vulnerabilities: Vuln[];
}

const validate = cycloneDxValidator();
const OPTIONS = { color: false, timestamp: TIMESTAMP };

function render(result = scanResult()): Bom {
  return JSON.parse(renderCycloneDxReport(result, OPTIONS)) as Bom;
}

function vuln(bom: Bom, id: string): Vuln {
  return bom.vulnerabilities.find((v) => v.id === id)!;
}

describe('cyclonedx report: schema validity (CycloneDX 1.6 JSON schema)', () => {
  it.each([
    ['the full fixture', scanResult()],
    ['a result with no findings', emptyResult()],
  ])('%s validates', (_, result) => {
    const ok = validate(render(result));

    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator itself rejects a broken rating method', () => {
    const bom = render();
    bom.vulnerabilities[0]!.ratings[0]!.method = 'CVSSv5';

    expect(validate(bom)).toBe(false);
  });
});

describe('cyclonedx report: vulnerabilities', () => {
  it('keeps the SBOM components and adds one entry per finding and unevaluated match', () => {
    const bom = render();
    const result = scanResult();

    expect(bom.components.map((c) => c.name)).toContain('openssl');
    expect(bom.vulnerabilities).toHaveLength(
      result.vulnerabilities.length + result.unevaluated.length,
    );
    expect(new Set(bom.vulnerabilities.map((v) => v['bom-ref'])).size).toBe(
      bom.vulnerabilities.length,
    );
  });

  it('points affects[].ref at the bom-refs of the affected components', () => {
    const bom = render();
    const refs = new Set(bom.components.map((c) => c['bom-ref']));

    for (const v of bom.vulnerabilities) {
      expect(v.affects.length).toBeGreaterThan(0);
      for (const a of v.affects) expect(refs.has(a.ref)).toBe(true);
    }
    expect(vuln(bom, 'CVE-2021-23337').affects[0]!.ref).toBe('pkg:npm/lodash@4.17.20');
  });

  it('lists aliases as references with their sources', () => {
    const v = vuln(render(), 'GHSA-v845-jxx5-vc9f');

    expect(v.source.name).toBe('GitHub');
    expect(v.references).toEqual([
      {
        id: 'CVE-2023-43804',
        source: { name: 'NVD', url: 'https://nvd.nist.gov/vuln/detail/CVE-2023-43804' },
      },
      {
        id: 'PYSEC-2023-192',
        source: { name: 'OSV', url: 'https://osv.dev/vulnerability/PYSEC-2023-192' },
      },
    ]);
  });

  it('rates CVSS v3.1 and v4.0 with source, score, vector and method', () => {
    const ratings = vuln(render(), 'CVE-2024-5535').ratings;

    expect(ratings).toContainEqual({
      source: { name: 'nvd' },
      score: 9.8,
      severity: 'critical',
      method: 'CVSSv31',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    });
    expect(ratings).toContainEqual(expect.objectContaining({ method: 'CVSSv4', score: 9.3 }));
    expect(ratings).toContainEqual({
      source: { name: 'nvd' },
      severity: 'critical',
      method: 'other',
    });
  });

  it.each([
    [9.8, 'critical'],
    [7.2, 'high'],
  ])('bands a CVSS score of %s as %s', (score, severity) => {
    const all = render().vulnerabilities.flatMap((v) => v.ratings);

    expect(all.find((r) => r.score === score)?.severity).toBe(severity);
  });

  it('states VEX not_affected with the justification in CycloneDX terms', () => {
    expect(vuln(render(), 'GHSA-v845-jxx5-vc9f').analysis).toEqual({
      state: 'not_affected',
      justification: 'code_not_reachable',
      detail: expect.stringContaining('cookie header never set') as unknown as string,
    });
  });

  it('states an ignore-file suppression as a response without claiming safety', () => {
    const analysis = vuln(render(), 'CVE-2020-28500').analysis!;

    expect(analysis.state).toBeUndefined();
    expect(analysis.response).toEqual(['will_not_fix']);
    expect(analysis.detail).toContain('ignore-file');
  });

  it('marks an unevaluated match in_triage with the reason', () => {
    const v = vuln(render(), 'GHSA-9999-8888-7777');

    expect(v.analysis?.state).toBe('in_triage');
    expect(v.affects[0]!.versions).toEqual([{ version: 'not a version!', status: 'unknown' }]);
  });

  it('carries KEV, EPSS, fixed versions and the published date', () => {
    const v = vuln(render(), 'CVE-2024-5535');
    const prop = (name: string) => v.properties.find((p) => p.name === name)?.value;

    expect(prop('drydock:kev')).toBe('true');
    expect(prop('drydock:epss:score')).toBe('0.97');
    expect(v.affects[0]!.versions).toContainEqual({
      version: '3.0.13-1~deb12u2',
      status: 'unaffected',
    });
    expect(v.recommendation).toContain('3.0.13-1~deb12u2');
    expect(v.published).toBe('2024-06-27T11:15:00Z');
  });

  it('changes the serial number when the findings change', () => {
    expect(render().serialNumber).not.toBe(render(emptyResult()).serialNumber);
    expect(render().serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });
});
