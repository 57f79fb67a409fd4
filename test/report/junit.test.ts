import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/findings/types.js';
import { renderJunitReport } from '../../src/report/junit.js';
import { emptyResult, HOSTILE, scanResult, TIMESTAMP } from './fixtures.js';

interface TestCase {
  '@_classname': string;
  '@_name': string;
  failure?: { '#text'?: string; '@_message': string; '@_type': string };
  skipped?: { '@_message': string };
}
interface TestSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: TestCase[];
}

function render(result: ScanResult = scanResult()): string {
  return renderJunitReport(result, { color: false, timestamp: TIMESTAMP });
}

function parse(xml: string): TestSuite[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  const doc = parser.parse(xml) as { testsuites: { testsuite: TestSuite[] } };
  return doc.testsuites.testsuite;
}

function suite(xml: string, name: string): TestSuite {
  return parse(xml).find((s) => s['@_name'] === name)!;
}

describe('junit report: well-formedness', () => {
  it.each([
    ['the full fixture', scanResult()],
    ['a result with no findings', emptyResult()],
  ])('%s is well-formed XML', (_, result) => {
    expect(XMLValidator.validate(render(result))).toBe(true);
  });

  it('the check itself rejects a broken document', () => {
    expect(XMLValidator.validate(render().replace('</testsuites>', ''))).not.toBe(true);
  });

  it('keeps hostile text and control characters inside their elements', () => {
    const xml = render();
    const evil = suite(xml, 'vulnerabilities').testcase.find((c) =>
      c['@_name'].includes('GHSA-2222'),
    )!;

    expect(evil['@_name']).toContain(HOSTILE.name);
    expect(evil.failure!['#text']).toContain(']]> </failure> <!-- --> & done');
    expect(xml).not.toContain('\u001b');
  });
});

describe('junit report: suites and cases', () => {
  it('has one testsuite per scanner that ran', () => {
    expect(parse(render()).map((s) => s['@_name'])).toEqual([
      'vulnerabilities',
      'secrets',
      'misconfigurations',
      'policy',
    ]);
    expect(
      parse(render({ ...emptyResult(), scanners: ['secret'] })).map((s) => s['@_name']),
    ).toEqual(['secrets']);
  });

  it('fails a case per active finding and skips suppressed and unevaluated ones', () => {
    const vulns = suite(render(), 'vulnerabilities');

    expect(vulns['@_tests']).toBe('7');
    expect(vulns['@_failures']).toBe('4');
    expect(vulns['@_skipped']).toBe('3');
    const skipped = vulns.testcase.filter((c) => c.skipped).map((c) => c.skipped!['@_message']);
    expect(skipped).toEqual(
      expect.arrayContaining([
        expect.stringContaining('suppressed by vex'),
        expect.stringContaining('could not evaluate'),
      ]),
    );
  });

  it('names severity as the failure type and puts the facts in the body', () => {
    const kev = suite(render(), 'vulnerabilities').testcase.find((c) =>
      c['@_name'].startsWith('CVE-2024-5535'),
    )!;

    expect(kev.failure!['@_type']).toBe('CRITICAL');
    expect(kev.failure!['#text']).toContain('known exploited');
    expect(kev.failure!['#text']).toContain('fixed: 3.0.13-1~deb12u2');
  });

  it('counts failures and cases on the root element', () => {
    const xml = render();

    expect(xml).toMatch(
      /<testsuites name="drydock" tests="12" failures="9" errors="0" skipped="3"/,
    );
  });

  it('fails a policy case when the gate failed, naming expired exceptions', () => {
    const policy = suite(render(), 'policy').testcase[0]!;

    expect(policy.failure!['@_message']).toBe('policy: failed (1 denied, 0 warned, 1 ignored)');
    expect(policy.failure!['#text']).toContain('expired exception for CVE-2019-1');
  });

  it('gives a scanner that found nothing one passing case', () => {
    const secrets = suite(render(emptyResult()), 'secrets');

    expect(secrets['@_tests']).toBe('1');
    expect(secrets['@_failures']).toBe('0');
    expect(secrets.testcase[0]!.failure).toBeUndefined();
  });
});
