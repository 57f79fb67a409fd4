import { describe, expect, it } from 'vitest';
import { isDrydockError } from '../../src/errors.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import {
  isReportFormat,
  REPORT_FORMATS,
  REPORTERS,
  type ReportFormat,
  renderResult,
} from '../../src/report/index.js';
import { emptyResult, RAW_SECRETS, scanResult, TIMESTAMP } from './fixtures.js';

const OPTIONS = { color: false, timestamp: TIMESTAMP };

/** SBOM formats carry vulnerabilities but have no place for secrets. */
const SBOM_FORMATS = new Set<ReportFormat>(['cyclonedx', 'spdx-json']);

describe('report registry', () => {
  it('has exactly one reporter per declared format, in the declared order', () => {
    expect(REPORTERS.map((r) => r.format)).toEqual([...REPORT_FORMATS]);
  });

  it.each([
    ['sarif', true],
    ['spdx-json', true],
    ['SARIF', false],
    ['xml', false],
    ['', false],
  ])('isReportFormat(%j) is %s', (value, expected) => {
    expect(isReportFormat(value)).toBe(expected);
  });

  it('rejects a format that is not registered with a usage error', () => {
    const run = () => renderResult('pdf' as ReportFormat, scanResult(), OPTIONS);

    expect(run).toThrow(/unknown report format "pdf"/);
    try {
      run();
    } catch (err) {
      expect(isDrydockError(err, 'USAGE')).toBe(true);
    }
  });

  it('rejects an unreadable timestamp with a usage error naming it', () => {
    expect(() =>
      renderResult('json', scanResult(), { color: false, timestamp: 'yesterday' }),
    ).toThrow(/invalid report timestamp "yesterday"/);
  });
});

describe.each(REPORT_FORMATS.map((f) => [f]))('report format %s', (format) => {
  it('is deterministic: the same result gives the same bytes', () => {
    const a = renderResult(format, scanResult(), OPTIONS);
    const b = renderResult(format, scanResult(), OPTIONS);

    expect(a).toBe(b);
    expect(a.endsWith('\n')).toBe(true);
  });

  it('does not depend on the order findings arrive in', () => {
    const reversed = scanResult();
    reversed.vulnerabilities.reverse();
    reversed.secrets.reverse();
    reversed.misconfigurations.reverse();
    reversed.inventory.packages.reverse();
    reversed.scanners.reverse();

    expect(renderResult(format, reversed, OPTIONS)).toBe(
      renderResult(format, scanResult(), OPTIONS),
    );
  });

  it('leaves the result it was given untouched', () => {
    const result = scanResult();
    renderResult(format, result, OPTIONS);

    expect(result).toEqual(scanResult());
  });

  it('never contains any part of a planted secret beyond its redacted prefix', () => {
    const text = renderResult(format, scanResult(), OPTIONS);

    for (const raw of RAW_SECRETS) {
      expect(text).not.toContain(raw);
      // Every 6-character window past the four characters redaction shows.
      for (let i = 4; i + 6 <= raw.length; i++) expect(text).not.toContain(raw.slice(i, i + 6));
    }
    if (SBOM_FORMATS.has(format)) return;
    const shown = scanResult().secrets[0]!.redacted;
    expect(text).toContain(format === 'markdown' ? escapeMarkdown(shown) : shown);
  });

  it('renders a result with no findings', () => {
    const text = renderResult(format, emptyResult(), OPTIONS);

    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain('CVE-');
  });

  it("uses the timestamp it is given instead of the result's own", () => {
    const text = renderResult(format, scanResult(), OPTIONS);

    expect(text).not.toContain('2024-04-01T00:00:00');
  });
});

describe('report formats: size', () => {
  it.each(REPORT_FORMATS.map((f) => [f]))('%s renders 20,000 findings of one package', (format) => {
    const result = scanResult();
    const template = result.vulnerabilities[0]!;
    result.vulnerabilities = Array.from({ length: 20_000 }, (_, i) => ({
      ...template,
      id: `CVE-${i}`,
    }));

    const text = renderResult(format, result, OPTIONS);
    expect(text).toContain('CVE-1');
    expect(text.length).toBeGreaterThan(10_000);
  });
});
