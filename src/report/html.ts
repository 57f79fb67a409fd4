import type { ScanResult, SeverityLevel, VulnerabilityFinding } from '../findings/types.js';
import { SEVERITY_ORDER } from '../findings/types.js';
import { idSource } from './advisory.js';
import { escapeHtml as e, safeUrl } from './escape.js';
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
 * `--format html`: one self-contained page. Styles are inline, there is no script, and the
 * Content-Security-Policy forbids loading anything, so the file can be opened anywhere or
 * attached to a CI run. Every value is HTML-escaped; links are only ever http(s) addresses.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328;background:#fff}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
.facts{color:#59636e;margin:0}.notes{background:#fff8c5;padding:.5rem 2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #d1d9e0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right}
.sev{font-weight:600;white-space:nowrap}
.CRITICAL{color:#fff;background:#8b0000}.HIGH{color:#fff;background:#d1242f}
.MEDIUM{background:#f0c000}.LOW{background:#b6e3ff}.NEGLIGIBLE,.UNKNOWN{background:#eaeef2}
tr.suppressed td{color:#59636e;text-decoration:line-through}
tr.suppressed td.why{text-decoration:none}
summary{cursor:pointer;font-weight:600}code{font-size:.9em;word-break:break-all}
`.trim();

export function renderHtmlReport(input: ScanResult, options: ReportOptions): string {
  const result = normaliseResult(input, options);
  const t = result.target;
  const facts = [t.kind, t.digest, t.platform, result.createdAt].filter((f) => f !== undefined);
  const body = [
    `<h1>drydock scan of ${e(t.name)}</h1>`,
    `<p class="facts">${facts.map(e).join(' · ')} · drydock ${e(result.generator.version)}</p>`,
    ...notes(result),
    ...summary(result),
    ...vulnerabilities(result),
    ...unevaluated(result),
    ...secrets(result),
    ...misconfigurations(result),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(CSP)}">`,
    `<title>drydock: ${e(t.name)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function row(cells: string[], cls?: string): string {
  const open = cls === undefined ? '<tr>' : `<tr class="${e(cls)}">`;
  return `${open}${cells.join('')}</tr>`;
}

const td = (html: string, cls?: string) =>
  cls ? `<td class="${e(cls)}">${html}</td>` : `<td>${html}</td>`;
const sev = (level: SeverityLevel) => td(e(level), `sev ${level}`);
const head = (names: string[]) => row(names.map((n) => `<th>${e(n)}</th>`));

function notes(result: ScanResult): string[] {
  const lines = [
    ...(result.warnings ?? []).map((w) => `warning: ${w}`),
    ...policyLines(result.policy),
  ];
  if (lines.length === 0) return [];
  return [`<ul class="notes">${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`];
}

function summary(result: ScanResult): string[] {
  const { active, suppressed } = partitionSuppressed(result.vulnerabilities);
  const lines: Array<[string, SeverityLevel[], number]> = [
    ['Vulnerabilities', active.map((v) => v.severity.level), suppressed.length],
    ['Secrets', result.secrets.map((s) => secretLevel(s.severity)), 0],
    ['Misconfigurations', result.misconfigurations.map((m) => m.severity), 0],
  ];
  const rows = lines.map(([name, levels, hidden]) => {
    const counts = countBySeverity(levels);
    const cells = SEVERITY_ORDER.map((l) => td(String(counts.get(l)), 'n'));
    return row([td(e(name)), td(String(levels.length), 'n'), ...cells, td(String(hidden), 'n')]);
  });
  const extra = result.unevaluated.length;
  return [
    '<h2>Summary</h2>',
    `<p>scanners: ${e(result.scanners.join(', ') || 'none')}</p>`,
    '<table>',
    head(['Scanner', 'Total', ...SEVERITY_ORDER, 'Suppressed']),
    ...rows,
    '</table>',
    ...(extra > 0
      ? [`<p><strong>${extra} could not be evaluated</strong>, listed below.</p>`]
      : []),
  ];
}

function vulnerabilities(result: ScanResult): string[] {
  if (result.vulnerabilities.length === 0)
    return ['<h2>Vulnerabilities</h2>', '<p>None found.</p>'];

  const { active, suppressed } = partitionSuppressed(result.vulnerabilities);
  return [
    '<h2>Vulnerabilities</h2>',
    '<table>',
    head(['Severity', 'ID', 'Package', 'Installed', 'Fixed', 'Status', 'Priority', 'Details']),
    ...active.map((v) => vulnRow(v)),
    ...suppressed.map((v) => vulnRow(v)),
    '</table>',
  ];
}

function vulnRow(v: VulnerabilityFinding): string {
  const link = `<a href="${e(idSource(v.id).url)}" rel="noreferrer">${e(v.id)}</a>`;
  const priority = `${e(v.priority.level)}${v.kev ? ' <strong>KEV</strong>' : ''}`;
  const status = v.suppressed === undefined ? v.status : 'suppressed';
  const detail = v.suppressed === undefined ? findingDetails(v) : e(suppressionText(v));
  return row(
    [
      sev(v.severity.level),
      td(link),
      td(`<code>${e(v.package.name)}</code>`),
      td(e(v.installedVersion)),
      td(e(fixedText(v))),
      td(e(status)),
      td(priority),
      td(detail, 'why'),
    ],
    v.suppressed === undefined ? undefined : 'suppressed',
  );
}

function findingDetails(v: VulnerabilityFinding): string {
  const facts = [
    ...(v.aliases.length > 0 ? [`aliases: ${v.aliases.join(', ')}`] : []),
    ...v.cvss.map((c) => `CVSS ${c.version} ${c.score} (${c.source}) ${c.vector}`),
    ...(v.epss !== undefined ? [`EPSS ${v.epss.score} (percentile ${v.epss.percentile})`] : []),
    `priority: ${v.priority.reason}`,
    ...v.paths.map((p) => `path: ${p}`),
  ];
  const links = v.references.flatMap((ref) => {
    const url = safeUrl(ref);
    return url === undefined ? [] : [`<li><a href="${e(url)}" rel="noreferrer">${e(url)}</a></li>`];
  });
  return [
    `<details><summary>${e(v.title ?? v.id)}</summary>`,
    ...(v.description !== undefined ? [`<p>${e(v.description)}</p>`] : []),
    `<ul>${facts.map((f) => `<li>${e(f)}</li>`).join('')}${links.join('')}</ul>`,
    '</details>',
  ].join('');
}

function unevaluated(result: ScanResult): string[] {
  if (result.unevaluated.length === 0) return [];
  return [
    '<h2>Could not evaluate</h2>',
    '<table>',
    head(['Advisory', 'Package', 'Ecosystem', 'Reason']),
    ...result.unevaluated.map((u) =>
      row([
        td(e(u.advisory)),
        td(`<code>${e(packageLabel(u))}</code>`),
        td(e(u.package.ecosystem)),
        td(e(u.reason)),
      ]),
    ),
    '</table>',
  ];
}

function secrets(result: ScanResult): string[] {
  if (result.secrets.length === 0) return ['<h2>Secrets</h2>', '<p>None found.</p>'];
  return [
    '<h2>Secrets</h2>',
    '<table>',
    head(['Severity', 'Rule', 'Location', 'Match', 'Note']),
    ...result.secrets.map((s) =>
      row([
        sev(secretLevel(s.severity)),
        td(e(s.title)),
        td(`<code>${e(secretPlace(s.location))}</code>`),
        td(`<code>${e(s.redacted)}</code>`),
        td(e(s.note ?? '')),
      ]),
    ),
    '</table>',
  ];
}

function misconfigurations(result: ScanResult): string[] {
  const list = result.misconfigurations;
  if (list.length === 0) return ['<h2>Misconfigurations</h2>', '<p>None found.</p>'];
  return [
    '<h2>Misconfigurations</h2>',
    '<table>',
    head(['Severity', 'ID', 'Title', 'Evidence', 'Fix']),
    ...list.map((m) => {
      const evidence = m.evidence.map((ev) => {
        const place = evidencePlace(ev);
        return `<li>${e(ev.detail)}${place === '' ? '' : ` <code>${e(place)}</code>`}</li>`;
      });
      const fix = `<details><summary>${e(m.remedy)}</summary><p>${e(m.rationale)}</p></details>`;
      return row([
        sev(m.severity),
        td(e(m.id)),
        td(e(m.title)),
        td(`<ul>${evidence.join('')}</ul>`),
        td(fix),
      ]);
    }),
    '</table>',
  ];
}
