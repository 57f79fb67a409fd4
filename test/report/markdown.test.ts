import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/findings/types.js';
import { renderMarkdownReport } from '../../src/report/markdown.js';
import { emptyResult, HOSTILE, scanResult, TIMESTAMP } from './fixtures.js';

function render(result: ScanResult = scanResult()): string {
  return renderMarkdownReport(result, { color: false, timestamp: TIMESTAMP });
}

function tableRows(md: string): string[] {
  return md.split('\n').filter((l) => l.startsWith('| '));
}

describe('markdown report: structure', () => {
  it('opens with a summary table of every scanner', () => {
    const md = render();

    expect(md).toContain(
      '| Scanner | Total | CRITICAL | HIGH | MEDIUM | LOW | NEGLIGIBLE | UNKNOWN | Suppressed |',
    );
    expect(md).toContain('| Vulnerabilities | 4 | 1 | 1 | 1 | 0 | 0 | 1 | 2 |');
    expect(md).toContain('| Secrets | 2 | 1 | 1 | 0 | 0 | 0 | 0 |  |');
  });

  it('puts each kind of finding in a collapsible block with its count', () => {
    const md = render();

    for (const summary of [
      'Vulnerabilities (4)',
      'Suppressed (2)',
      'Could not evaluate (1)',
      'Secrets (2)',
      'Misconfigurations (2)',
    ]) {
      expect(md).toContain(`<details><summary>${summary}</summary>\n\n`);
    }
    expect(md.match(/<details>/g)).toHaveLength(md.match(/<\/details>/g)!.length);
  });

  it('quotes warnings and the policy verdict above the summary', () => {
    const md = render();

    expect(md).toContain('> warning: the vulnerability DB is 9 days old  ');
    expect(md).toContain('> policy: failed \\(1 denied, 0 warned, 1 ignored\\)  ');
    expect(md.indexOf('> policy')).toBeLessThan(md.indexOf('| Scanner |'));
  });

  it('links advisory ids to their source', () => {
    expect(render()).toContain('[CVE-2024-5535](https://nvd.nist.gov/vuln/detail/CVE-2024-5535)');
  });

  it('keeps only the summary when nothing was found', () => {
    const md = render(emptyResult());

    expect(md).not.toContain('<details>');
    expect(md).toContain('| Vulnerabilities | 0 |');
  });

  it('cuts a very long list and says how many were left out', () => {
    const result = scanResult();
    const template = result.vulnerabilities[0]!;
    result.vulnerabilities = Array.from({ length: 150 }, (_, i) => ({
      ...template,
      id: `CVE-2024-${10000 + i}`,
    }));

    const md = render(result);
    expect(md).toContain('… and 50 more');
    expect(md.length).toBeLessThan(65_536);
  });
});

describe('markdown report: escaping hostile text', () => {
  it('gives every row of a table exactly as many cells as its header', () => {
    const md = render();
    const blocks = md.split('<details>');

    for (const block of blocks) {
      const rows = tableRows(block);
      if (rows.length === 0) continue;
      const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
      for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]!));
    }
  });

  it('turns markup from the image into inert text', () => {
    const md = render();

    expect(md).not.toContain(HOSTILE.name);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('](javascript:');
    expect(md).toContain('\\*\\*bold\\*\\*');
  });

  it('keeps a word-initial @ from mentioning anyone, but leaves name@version alone', () => {
    const md = render();

    expect(md).toContain('@&#8203;org/team');
    expect(md).not.toMatch(/(^|[\s(])@org/);
    expect(md).toContain('lodash@4.17.20');
  });

  it('keeps line breaks in data from ending a table row', () => {
    const result = scanResult();
    result.vulnerabilities[0]!.title = 'first line\n| injected | row |\nthird';

    const row = tableRows(render(result)).find((r) => r.includes('first line'))!;
    expect(row).toContain('first line \\| injected \\| row \\| third');
  });
});
