import type { ScanResult, SeverityLevel } from '../findings/types.js';
import { SEVERITY_ORDER } from '../findings/types.js';
import { advisoryFor } from './advisory.js';
import { escapeHtml, escapeMarkdown as md } from './escape.js';
import {
  countBySeverity,
  evidencePlace,
  fixedText,
  normaliseResult,
  packageLabel,
  partitionSuppressed,
  policyLines,
  secretLevel,
  secretPlace,
  suppressionText,
} from './model.js';
import type { ReportOptions } from './types.js';

/**
 * `--format markdown`: a pull-request comment. A summary table first, then one collapsible
 * `<details>` block per kind of finding. Cells go through `escapeMarkdown`; `<summary>`
 * holds HTML, not Markdown, so its text is HTML-escaped. Long lists are cut, since review
 * systems cap a comment's size (GitHub at 65,536 characters).
 */
const MAX_ROWS = 100;

export function renderMarkdownReport(input: ScanResult, options: ReportOptions): string {
  const result = normaliseResult(input, options);
  const out = [`### drydock scan of ${md(result.target.name)}`, '', ...subject(result), ''];
  const notes = [
    ...(result.warnings ?? []).map((w) => `warning: ${w}`),
    ...policyLines(result.policy),
  ];
  if (notes.length > 0) out.push(...notes.map((n) => `> ${md(n)}  `), '');
  out.push(...summary(result));

  const { active, suppressed } = partitionSuppressed(result.vulnerabilities);
  const vulnRow = (v: (typeof active)[number], last: string) => [
    v.severity.level,
    `[${md(v.id)}](${advisoryFor(v.id)})`,
    md(packageLabel(v)),
    md(fixedText(v)),
    v.kev ? `${v.priority.level} KEV` : v.priority.level,
    md(last),
  ];
  const vulnHeaders = ['Severity', 'ID', 'Package', 'Fixed', 'Priority'];
  out.push(
    ...details(
      'Vulnerabilities',
      [...vulnHeaders, 'Title'],
      active.map((v) => vulnRow(v, v.title ?? '')),
    ),
    ...details(
      'Suppressed',
      [...vulnHeaders, 'Why'],
      suppressed.map((v) => vulnRow(v, suppressionText(v))),
    ),
    ...details(
      'Could not evaluate',
      ['Advisory', 'Package', 'Ecosystem', 'Reason'],
      result.unevaluated.map((u) => [
        md(u.advisory),
        md(packageLabel(u)),
        md(u.package.ecosystem),
        md(u.reason),
      ]),
    ),
    ...details(
      'Secrets',
      ['Severity', 'Rule', 'Location', 'Match'],
      result.secrets.map((s) => [
        secretLevel(s.severity),
        md(s.ruleId),
        md(secretPlace(s.location)),
        md(s.redacted),
      ]),
    ),
    ...details(
      'Misconfigurations',
      ['Severity', 'ID', 'Title', 'Evidence'],
      result.misconfigurations.map((m) => [
        m.severity,
        md(m.id),
        md(m.title),
        m.evidence.map((e) => md(withPlace(e.detail, evidencePlace(e)))).join('<br>'),
      ]),
    ),
  );
  return `${out.join('\n').trimEnd()}\n`;
}

function subject(result: ScanResult): string[] {
  const t = result.target;
  const facts = [`${t.kind}`, t.digest, t.platform].filter((f) => f !== undefined);
  const lines = [`${facts.map((f) => md(f)).join(' · ')}  `];
  lines.push(`scanned ${result.createdAt} by drydock ${md(result.generator.version)}`);
  return lines;
}

function summary(result: ScanResult): string[] {
  const { active, suppressed } = partitionSuppressed(result.vulnerabilities);
  const rows: Array<[string, SeverityLevel[], string]> = [];
  if (result.scanners.includes('vuln') || result.vulnerabilities.length > 0) {
    rows.push(['Vulnerabilities', active.map((v) => v.severity.level), `${suppressed.length}`]);
  }
  if (result.scanners.includes('secret') || result.secrets.length > 0) {
    rows.push(['Secrets', result.secrets.map((s) => secretLevel(s.severity)), '']);
  }
  if (result.scanners.includes('misconfig') || result.misconfigurations.length > 0) {
    rows.push(['Misconfigurations', result.misconfigurations.map((m) => m.severity), '']);
  }

  const header = ['Scanner', 'Total', ...SEVERITY_ORDER, 'Suppressed'];
  const body = rows.map(([name, levels, hidden]) => {
    const counts = countBySeverity(levels);
    return [name, `${levels.length}`, ...SEVERITY_ORDER.map((l) => `${counts.get(l)}`), hidden];
  });
  const out = table(header, body);
  if (result.unevaluated.length > 0) {
    out.push('', `**${result.unevaluated.length} could not be evaluated**: see below.`);
  }
  return [...out, ''];
}

function details(title: string, header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];

  const shown = rows.slice(0, MAX_ROWS);
  const out = [
    `<details><summary>${escapeHtml(title)} (${rows.length})</summary>`,
    '',
    ...table(header, shown),
  ];
  if (rows.length > shown.length) {
    out.push('', `… and ${rows.length - shown.length} more; see the JSON report for all.`);
  }
  return [...out, '', '</details>', ''];
}

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

function withPlace(detail: string, place: string): string {
  return place === '' ? detail : `${detail} (${place})`;
}
