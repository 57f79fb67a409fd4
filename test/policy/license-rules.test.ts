import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/findings/types.js';
import type { LicenseFinding } from '../../src/license/types.js';
import { evaluatePolicy, parsePolicy } from '../../src/policy/index.js';

function license(name: string, id: string, category: LicenseFinding['worst']): LicenseFinding {
  return {
    package: { name, version: '1.0.0', type: 'npm', purl: `pkg:npm/${name}@1.0.0` },
    declared: [id],
    expression: id,
    unknown: [],
    licenses: [{ license: id, spdx: true, category }],
    worst: category,
    locations: [],
  };
}

function result(licenses: LicenseFinding[]): ScanResult {
  return {
    schemaVersion: '1.0',
    generator: { name: 'drydock', version: '0' },
    createdAt: '2025-01-01T00:00:00Z',
    target: { kind: 'filesystem', name: '.' },
    inventory: { packages: [], problems: [] },
    vulnerabilities: [],
    unevaluated: [],
    secrets: [],
    misconfigurations: [],
    licenses,
    scanners: ['license'],
  };
}

const policy = parsePolicy(
  [
    'rules:',
    '  - name: no-agpl',
    '    on: license',
    '    condition: \'"AGPL-3.0-only" in license.ids\'',
    '    action: deny',
    '  - name: review-copyleft',
    '    on: license',
    '    condition: license.category == "reciprocal"',
    '    action: warn',
  ].join('\n'),
  'p.yaml',
);

describe('policy license rules', () => {
  it('denies a package whose license a rule forbids, and fails the gate', () => {
    const out = evaluatePolicy(
      result([license('a', 'AGPL-3.0-only', 'restricted'), license('b', 'MIT', 'notice')]),
      policy,
    );
    expect(out.policy?.passed).toBe(false);
    expect(out.policy?.decisions).toEqual([
      { id: 'license:AGPL-3.0-only', purl: 'pkg:npm/a@1.0.0', action: 'deny', by: 'no-agpl' },
    ]);
  });

  it('warns without failing the gate', () => {
    const out = evaluatePolicy(result([license('c', 'MPL-2.0', 'reciprocal')]), policy);
    expect(out.policy?.passed).toBe(true);
    expect(out.policy?.decisions[0]).toMatchObject({ action: 'warn', by: 'review-copyleft' });
  });

  it('leaves vulnerability rules and the default out of license decisions', () => {
    const strict = parsePolicy('default: deny\n', 'p.yaml');
    expect(evaluatePolicy(result([license('d', 'MIT', 'notice')]), strict).policy?.passed).toBe(
      true,
    );
  });

  it('refuses a license rule that reads the vulnerability variable', () => {
    const text = 'rules:\n  - { name: x, on: license, condition: finding.kev, action: deny }\n';
    expect(() => parsePolicy(text, 'p.yaml')).toThrow(/rules\.0 \(x\)/);
  });
});
