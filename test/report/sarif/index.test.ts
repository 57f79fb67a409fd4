import { describe, expect, it } from 'vitest';
import { artifactUri, renderSarifReport } from '../../../src/report/sarif/index.js';
import { emptyResult, sarifValidator, scanResult, TIMESTAMP } from '../fixtures.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind: string;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; status: string; justification: string }[];
}
interface SarifRule {
  id: string;
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[]; 'security-severity': string };
}
interface Sarif {
  version: string;
  runs: { tool: { driver: { name: string; rules: SarifRule[] } }; results: SarifResult[] }[];
}

const validate = sarifValidator();
const OPTIONS = { color: false, timestamp: TIMESTAMP };

function render(result = scanResult()): Sarif {
  return JSON.parse(renderSarifReport(result, OPTIONS)) as Sarif;
}

function resultFor(sarif: Sarif, ruleId: string): SarifResult {
  return sarif.runs[0]!.results.find((r) => r.ruleId === ruleId)!;
}

function ruleFor(sarif: Sarif, id: string): SarifRule {
  return sarif.runs[0]!.tool.driver.rules.find((r) => r.id === id)!;
}

describe('sarif report: schema validity (SARIF 2.1.0 JSON schema)', () => {
  it.each([
    ['the full fixture', scanResult()],
    ['a result with no findings', emptyResult()],
  ])('%s validates', (_, result) => {
    const ok = validate(render(result));

    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator itself rejects a broken log', () => {
    const sarif = render() as unknown as { runs: { results: { level: string }[] }[] };
    sarif.runs[0]!.results[0]!.level = 'fatal';

    expect(validate(sarif)).toBe(false);
  });
});

describe('sarif report: content', () => {
  it('has one run whose driver is drydock with one rule per id, check and secret rule', () => {
    const sarif = render();
    const ids = sarif.runs[0]!.tool.driver.rules.map((r) => r.id);

    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.tool.driver.name).toBe('drydock');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'CVE-2024-5535',
        'aws-access-key-id',
        'DD-IMG-001',
        'GHSA-9999-8888-7777',
      ]),
    );
  });

  it('points every result at its rule by index', () => {
    const sarif = render();
    const rules = sarif.runs[0]!.tool.driver.rules;

    for (const r of sarif.runs[0]!.results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it.each([
    ['CVE-2024-5535', '9.8', 'error'],
    ['CVE-2021-23337', '7.2', 'error'],
    ['CVE-2023-50000', '5.5', 'warning'],
    ['GHSA-v845-jxx5-vc9f', '2.0', 'note'],
    ['aws-access-key-id', '9.5', 'error'],
    ['DD-FS-003', '5.5', 'warning'],
  ])('rates %s with security-severity %s and level %s', (id, score, level) => {
    const rule = ruleFor(render(), id);

    expect(rule.properties['security-severity']).toBe(score);
    expect(rule.defaultConfiguration.level).toBe(level);
  });

  it('prefers the CVSS v3.1 score over v4.0 for security-severity', () => {
    expect(ruleFor(render(), 'CVE-2024-5535').properties['security-severity']).toBe('9.8');
  });

  it('gives help text and only http(s) help links', () => {
    const rule = ruleFor(render(), 'CVE-2021-23337');

    expect(rule.help.text).toContain('command injection');
    expect(rule.help.text).toContain('GHSA-35jh-r3h4-6jhm');
    expect(rule.helpUri).toBe('https://github.com/advisories/GHSA-35jh-r3h4-6jhm');
    expect(rule.help.markdown).not.toContain('javascript:');
  });

  it('locates findings at the files inside the image, with the secret line as region', () => {
    const sarif = render();
    const secret = resultFor(sarif, 'aws-access-key-id').locations[0]!.physicalLocation;

    expect(
      resultFor(sarif, 'CVE-2024-5535').locations[0]!.physicalLocation.artifactLocation.uri,
    ).toBe('var/lib/dpkg/status');
    expect(secret).toEqual({ artifactLocation: { uri: 'app/.env' }, region: { startLine: 2 } });
    expect(resultFor(sarif, 'DD-FS-003').locations[0]!.physicalLocation.region).toEqual({
      startLine: 12,
    });
  });

  it('marks suppressed findings as accepted external suppressions with the reason', () => {
    const r = resultFor(render(), 'GHSA-v845-jxx5-vc9f');

    expect(r.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: expect.stringContaining('cookie header never set') as unknown as string,
      },
    ]);
    expect(resultFor(render(), 'CVE-2024-5535').suppressions).toBeUndefined();
  });

  it('lists matches that could not be evaluated as review results', () => {
    const r = resultFor(render(), 'GHSA-9999-8888-7777');

    expect(r.kind).toBe('review');
    expect(r.level).toBe('none');
    expect(r.message.text).toContain('could not evaluate');
  });

  it('gives each result a partial fingerprint; the secret keeps its own', () => {
    const sarif = render();
    const prints = sarif.runs[0]!.results.map((r) => r.partialFingerprints['drydock/v1']);

    expect(prints.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
    expect(new Set(prints).size).toBe(prints.length);
    expect(resultFor(sarif, 'aws-access-key-id').partialFingerprints['drydock/v1']).toBe(
      scanResult().secrets[0]!.fingerprint,
    );
  });
});

describe('sarif report: artifact URIs', () => {
  it.each([
    ['usr/lib/libssl.so.3', 'usr/lib/libssl.so.3'],
    ['app/node_modules/<script>/package.json', 'app/node_modules/%3Cscript%3E/package.json'],
    ['a b/c#d?e', 'a%20b/c%23d%3Fe'],
    ['C:/x', 'C%3A/x'],
    ['../../etc/passwd', 'etc/passwd'],
    ['/abs//path/', 'abs/path'],
    ['', '.'],
  ])('%j becomes the relative URI %j', (path, uri) => {
    expect(artifactUri(path)).toBe(uri);
  });
});
