import { describe, expect, it } from 'vitest';
import type { ScanResult, VulnerabilityFinding } from '../../src/findings/types.js';
import { evaluatePolicy, parseIgnoreFile, parsePolicy, parseVex } from '../../src/policy/index.js';

function finding(id: string, extra: Partial<VulnerabilityFinding> = {}): VulnerabilityFinding {
  return {
    id,
    aliases: [],
    package: {
      name: 'lodash',
      version: '4.17.4',
      type: 'npm',
      purl: 'pkg:npm/lodash@4.17.4',
      ecosystem: 'npm',
    },
    installedVersion: '4.17.4',
    fixedVersions: ['4.17.21'],
    status: 'fixed',
    paths: [],
    severity: { level: 'HIGH', source: 'ghsa' },
    cvss: [],
    kev: false,
    priority: { level: 'P2', score: 60, reason: 'P2' },
    references: [],
    ...extra,
  };
}

function result(findings: VulnerabilityFinding[]): ScanResult {
  return {
    schemaVersion: '1.0',
    generator: { name: 'drydock', version: '0' },
    createdAt: '2025-01-01T00:00:00Z',
    target: { kind: 'filesystem', name: '.' },
    inventory: { packages: [], problems: [] },
    vulnerabilities: findings,
    unevaluated: [],
    secrets: [],
    misconfigurations: [],
    scanners: ['vuln'],
  };
}

describe('policy evaluatePolicy', () => {
  const policy = parsePolicy(
    [
      'rules:',
      '  - { name: kev, condition: finding.kev, action: deny }',
      '  - { name: npm-low, condition: finding.package.type == "npm" && finding.cvss < 4.0, action: warn }',
    ].join('\n'),
    'p.yaml',
  );

  it('takes the first rule that holds, and passes when none denies', () => {
    const out = evaluatePolicy(result([finding('CVE-1')]), policy);

    expect(out.policy).toEqual({
      passed: true,
      decisions: [{ id: 'CVE-1', purl: 'pkg:npm/lodash@4.17.4', action: 'warn', by: 'npm-low' }],
      expiredExceptions: [],
    });
  });

  it('fails on a deny, and leaves already-suppressed findings alone', () => {
    const kev = finding('CVE-2', { kev: true });
    const hidden = finding('CVE-3', { kev: true, suppressed: { by: 'vex', reason: 'x' } });
    const out = evaluatePolicy(result([kev, hidden]), policy);

    expect(out.policy?.passed).toBe(false);
    expect(out.policy?.decisions.map((d) => d.id)).toEqual(['CVE-2']);
  });
});

describe('policy parsePolicy on bad input', () => {
  const cases: Array<[string, string, string]> = [
    [
      'an unknown action',
      'rules:\n  - { name: a, condition: "true", action: block }',
      'rules.0.action',
    ],
    ['an unknown key', 'rulez: []', 'rulez'],
    [
      'a condition that yields a string',
      'rules:\n  - { name: a, condition: \'"text"\', action: deny }',
      '',
    ],
    [
      'an exception with no expiry',
      'exceptions:\n  - { id: CVE-1, owner: a, reason: b }',
      'expires',
    ],
    [
      'a bad date',
      'exceptions:\n  - { id: CVE-1, owner: a, reason: b, expires: soon }',
      'not a YYYY-MM-DD',
    ],
    [
      'a billion-laughs alias bomb',
      `a: &a [x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 200 }, (_, i) => `b${i}: [*a,*a,*a]`).join('\n')}`,
      '',
    ],
    [
      'a condition past the length limit',
      `rules:\n  - { name: a, condition: "${'true && '.repeat(1000)}true", action: deny }`,
      'longer than',
    ],
  ];
  for (const [name, text, where] of cases) {
    it(`refuses ${name}`, () => {
      expect(() => parsePolicy(text, 'p.yaml')).toThrow(where ? new RegExp(where) : /p\.yaml/);
    });
  }

  it('compiles a condition with no bool type at evaluation time as a failure of deny', () => {
    const p = parsePolicy(
      'rules:\n  - { name: a, condition: finding.nope, action: deny }',
      'p.yaml',
    );

    expect(evaluatePolicy(result([finding('CVE-1')]), p).policy?.passed).toBe(false);
  });
});

describe('policy parseIgnoreFile', () => {
  it('reads the text form with expiry and reason', () => {
    expect(
      parseIgnoreFile('# header\nCVE-1\nCVE-2 exp:2030-01-01 # why\n', '.trivyignore'),
    ).toEqual([{ id: 'CVE-1' }, { id: 'CVE-2', expires: '2030-01-01', reason: 'why' }]);
  });

  it('reads the YAML form', () => {
    const text = 'vulnerabilities:\n  - id: CVE-1\n    expired_at: 2030-01-01\n    statement: ok\n';
    expect(parseIgnoreFile(text, 'ignore.yaml')).toEqual([
      { id: 'CVE-1', expires: '2030-01-01', reason: 'ok' },
    ]);
  });

  it('names the line of a malformed expiry', () => {
    expect(() => parseIgnoreFile('CVE-1\nCVE-2 exp:tomorrow\n', 'x')).toThrow(/line 2/);
  });
});

describe('policy parseVex', () => {
  it('reads CycloneDX VEX, resolving affects refs to purls', () => {
    const doc = {
      bomFormat: 'CycloneDX',
      components: [{ 'bom-ref': 'c1', purl: 'pkg:npm/lodash@4.17.4' }],
      vulnerabilities: [
        { id: 'CVE-1', analysis: { state: 'false_positive' }, affects: [{ ref: 'c1' }] },
        { id: 'CVE-2', analysis: { state: 'nonsense' } },
      ],
    };
    const read = parseVex(JSON.stringify(doc), 'v.json');

    expect(read.statements).toEqual([
      {
        ids: ['CVE-1'],
        products: ['pkg:npm/lodash@4.17.4'],
        status: 'not_affected',
        justification: 'false_positive',
      },
    ]);
    expect(read.problems).toHaveLength(1);
  });

  it('refuses a document that is neither format', () => {
    expect(() => parseVex('{"hello": 1}', 'v.json')).toThrow(/neither an OpenVEX nor a CycloneDX/);
  });
});
