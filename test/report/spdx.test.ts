import { describe, expect, it } from 'vitest';
import { renderSpdxReport } from '../../src/report/spdx.js';
import { emptyResult, scanResult, spdxValidator, TIMESTAMP } from './fixtures.js';

interface Element {
  SPDXID: string;
  name: string;
  externalRefs?: {
    referenceCategory: string;
    referenceType: string;
    referenceLocator: string;
    comment?: string;
  }[];
  annotations?: { comment: string; annotationDate: string }[];
}
interface Doc {
  documentNamespace: string;
  packages: Element[];
}

const validate = spdxValidator();
const OPTIONS = { color: false, timestamp: TIMESTAMP };

function render(result = scanResult()): Doc {
  return JSON.parse(renderSpdxReport(result, OPTIONS)) as Doc;
}

function element(doc: Doc, name: string): Element {
  return doc.packages.find((p) => p.name === name)!;
}

function advisories(e: Element): string[] {
  return (e.externalRefs ?? [])
    .filter((r) => r.referenceCategory === 'SECURITY')
    .map((r) => r.referenceLocator);
}

describe('spdx report: schema validity (SPDX 2.3 JSON schema)', () => {
  it.each([
    ['the full fixture', scanResult()],
    ['a result with no findings', emptyResult()],
  ])('%s validates', (_, result) => {
    const ok = validate(render(result));

    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator itself rejects a broken external reference', () => {
    const doc = render();
    element(doc, 'openssl').externalRefs![1]!.referenceCategory = 'VULN';

    expect(validate(doc)).toBe(false);
  });
});

describe('spdx report: vulnerabilities', () => {
  it('adds a SECURITY advisory reference per finding to the affected package', () => {
    const doc = render();

    expect(advisories(element(doc, 'openssl'))).toEqual([
      'https://nvd.nist.gov/vuln/detail/CVE-2024-5535',
      'https://nvd.nist.gov/vuln/detail/CVE-2023-50000',
    ]);
    expect(advisories(element(doc, 'lodash'))).toHaveLength(2);
    expect(advisories(element(doc, 'weird'))).toEqual([]);
  });

  it('annotates the facts a reference cannot hold as drydock JSON', () => {
    const notes = element(render(), 'urllib3').annotations!.map((a) => a.comment);
    const note = notes.find((c) => c.startsWith('drydock:vulnerability:GHSA-v845-jxx5-vc9f: '))!;
    const facts = JSON.parse(note.slice(note.indexOf(': ') + 2)) as Record<string, unknown>;

    expect(facts.aliases).toEqual(['CVE-2023-43804', 'PYSEC-2023-192']);
    expect(facts.suppressed).toMatchObject({ by: 'vex' });
    expect(facts.fixedVersions).toEqual(['1.26.17']);
  });

  it('annotates unevaluated matches on their package', () => {
    const notes = element(render(), 'weird').annotations!.map((a) => a.comment);

    expect(notes.some((c) => c.startsWith('drydock:unevaluated:GHSA-9999-8888-7777: '))).toBe(true);
  });

  it('annotates a finding whose package is not in the inventory on the subject', () => {
    const result = scanResult();
    result.inventory.packages = result.inventory.packages.filter((p) => p.name !== 'lodash');
    const subject = render(result).packages.find((p) => p.SPDXID === 'SPDXRef-DocumentRoot')!;

    expect(advisories(subject)).toContain('https://nvd.nist.gov/vuln/detail/CVE-2021-23337');
  });

  it('gives the document a namespace that changes with the findings', () => {
    expect(render().documentNamespace).not.toBe(render(emptyResult()).documentNamespace);
    expect(render().documentNamespace).toMatch(
      /^https:\/\/spdx\.org\/spdxdocs\/drydock-.+-[0-9a-f-]{36}$/,
    );
  });
});
