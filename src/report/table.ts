import type { ScanResult, SeverityLevel, VulnerabilityFinding } from '../findings/types.js';
import { printable } from './escape.js';
import {
  evidencePlace,
  fixedText,
  normaliseResult,
  packageLabel,
  partitionSuppressed,
  policyLines,
  SECRET_LEVELS,
  secretLevel,
  secretPlace,
  suppressionText,
  totalLine,
} from './model.js';
import type { ReportOptions } from './types.js';

/**
 * `--format table`: the terminal view. Vulnerabilities are grouped by the ecosystem they
 * were matched in and ordered by severity; secrets and misconfigurations have their own
 * sections. Every cell goes through `printable` first, so an escape sequence hidden in a
 * package name never reaches the user's terminal, and colour is used only when asked for.
 */
const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const LEVEL_STYLE: Record<SeverityLevel, string> = {
  CRITICAL: '\u001b[1;31m',
  HIGH: '\u001b[31m',
  MEDIUM: '\u001b[33m',
  LOW: '\u001b[34m',
  NEGLIGIBLE: DIM,
  UNKNOWN: DIM,
};
const TITLE_MAX = 60;

type Style = (code: string, text: string) => string;
type Cell = { text: string; style?: string };

export function renderTableReport(input: ScanResult, options: ReportOptions): string {
  const result = normaliseResult(input, options);
  const style: Style = (code, text) => (options.color && text !== '' ? code + text + RESET : text);

  const out = header(result, style);
  if (ran(result, 'vuln') || result.vulnerabilities.length > 0) {
    append(out, ['', ...vulnerabilitySection(result, style)]);
  }
  if (ran(result, 'secret') || result.secrets.length > 0) {
    append(out, ['', ...secretSection(result, style)]);
  }
  if (ran(result, 'misconfig') || result.misconfigurations.length > 0) {
    append(out, ['', ...misconfigSection(result, style)]);
  }
  if (result.licenses !== undefined) append(out, ['', ...licenseSection(result, style)]);
  const policy = policyLines(result.policy);
  if (policy.length > 0) out.push('', ...policy.map(printable));
  return `${out.join('\n')}\n`;
}

/** `push(...lines)` passes every line as an argument, which overflows the stack for big scans. */
function append(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

function ran(result: ScanResult, scanner: ScanResult['scanners'][number]): boolean {
  return result.scanners.includes(scanner);
}

function header(result: ScanResult, style: Style): string[] {
  const t = result.target;
  const facts = [t.kind, t.digest, t.platform].filter((f) => f !== undefined).map(printable);
  const distro = result.inventory.distro;
  const lines = [`${style(BOLD, printable(t.name))} (${facts.join(', ')})`];
  if (distro !== undefined) lines.push(`distro: ${printable(distro.prettyName ?? distro.id)}`);
  lines.push(`scanners: ${result.scanners.join(', ') || 'none'}`);
  for (const w of result.warnings ?? [])
    lines.push(style(LEVEL_STYLE.MEDIUM, `warning: ${printable(w)}`));
  return lines;
}

function vulnerabilitySection(result: ScanResult, style: Style): string[] {
  const { active } = partitionSuppressed(result.vulnerabilities);
  const extra = `, suppressed: ${result.vulnerabilities.length - active.length}`;
  const unknown = `, could not evaluate: ${result.unevaluated.length}`;
  const out = [
    style(BOLD, 'Vulnerabilities'),
    totalLine(active.map((v) => v.severity.level)) + extra + unknown,
  ];
  if (result.vulnerabilities.length === 0) out.push('no vulnerabilities found');

  for (const [ecosystem, group] of byEcosystem(result.vulnerabilities)) {
    const counted = partitionSuppressed(group).active.map((v) => v.severity.level);
    out.push('', style(BOLD, printable(ecosystem)), totalLine(counted));
    append(out, layout(VULN_HEADERS, orderedRows(group), style));
  }
  if (result.unevaluated.length > 0) {
    out.push('', style(BOLD, `Could not evaluate (${result.unevaluated.length})`));
    const rows = result.unevaluated.map((u) =>
      cells([u.package.name, u.package.version, u.package.ecosystem, u.advisory, u.reason]),
    );
    append(out, layout(['PACKAGE', 'VERSION', 'ECOSYSTEM', 'ADVISORY', 'REASON'], rows, style));
  }
  return out;
}

/** Groups in first-seen order; the input is already sorted by severity within each. */
function byEcosystem(list: readonly VulnerabilityFinding[]): Map<string, VulnerabilityFinding[]> {
  const groups = new Map<string, VulnerabilityFinding[]>();
  const keys = [...new Set(list.map((v) => `${v.package.ecosystem} (${v.package.type})`))].sort();
  for (const key of keys) groups.set(key, []);
  for (const v of list) groups.get(`${v.package.ecosystem} (${v.package.type})`)!.push(v);
  return groups;
}

const VULN_HEADERS = ['SEVERITY', 'ID', 'PACKAGE', 'FIXED', 'STATUS', 'PRIORITY', 'TITLE'];

/** Active findings first, then the suppressed ones, dimmed, with who suppressed them. */
function orderedRows(group: readonly VulnerabilityFinding[]): Cell[][] {
  const { active, suppressed } = partitionSuppressed(group);
  const row = (v: VulnerabilityFinding, dim: boolean): Cell[] => {
    const priority = v.kev ? `${v.priority.level} KEV` : v.priority.level;
    const title = dim ? suppressionText(v) : shorten(v.title ?? '');
    const status = dim ? 'suppressed' : v.status;
    const texts = [v.id, packageLabel(v), fixedText(v), status, priority, title];
    const level: Cell = { text: printable(v.severity.level), style: LEVEL_STYLE[v.severity.level] };
    return [level, ...cells(texts, dim ? DIM : undefined)];
  };
  return [...active.map((v) => row(v, false)), ...suppressed.map((v) => row(v, true))];
}

function secretSection(result: ScanResult, style: Style): string[] {
  const levels = result.secrets.map((s) => secretLevel(s.severity));
  const out = [style(BOLD, 'Secrets'), totalLine(levels, SECRET_LEVELS)];
  if (result.secrets.length === 0) return [...out, 'no secrets found'];

  const rows = result.secrets.map((s) => {
    const level = secretLevel(s.severity);
    const texts = [s.ruleId, secretPlace(s.location), s.redacted, s.note ?? ''];
    return [{ text: level, style: LEVEL_STYLE[level] }, ...cells(texts)];
  });
  return [...out, ...layout(['SEVERITY', 'RULE', 'LOCATION', 'MATCH', 'NOTE'], rows, style)];
}

function misconfigSection(result: ScanResult, style: Style): string[] {
  const findings = result.misconfigurations;
  const out = [style(BOLD, 'Misconfigurations'), totalLine(findings.map((f) => f.severity))];
  if (findings.length === 0) return [...out, 'no misconfigurations found'];

  for (const f of findings) {
    const level = style(LEVEL_STYLE[f.severity], f.severity);
    out.push('', `${level}  ${printable(f.id)}  ${printable(f.title)}`);
    for (const e of f.evidence) {
      const place = evidencePlace(e);
      out.push(`  - ${printable(e.detail)}${place === '' ? '' : ` (${printable(place)})`}`);
    }
    out.push(`  fix: ${printable(f.remedy)}`);
  }
  return out;
}

/** Categories a reviewer must look at; notice, permissive and unencumbered only count. */
const LICENSE_REVIEW = new Set(['forbidden', 'restricted', 'reciprocal', 'unknown']);

function licenseSection(result: ScanResult, style: Style): string[] {
  const findings = result.licenses ?? [];
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.worst, (counts.get(f.worst) ?? 0) + 1);
  const tally = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, n]) => `${c}: ${n}`);
  const out = [style(BOLD, 'Licenses'), `Total: ${findings.length} (${tally.join(', ')})`];

  const review = findings.filter((f) => LICENSE_REVIEW.has(f.worst));
  if (review.length === 0) return out;
  const rows = review.map((f) =>
    cells([f.worst, `${f.package.name}@${f.package.version}`, f.expression]),
  );
  return [...out, ...layout(['CATEGORY', 'PACKAGE', 'LICENSE'], rows, style)];
}

function cells(texts: readonly string[], style?: string): Cell[] {
  return texts.map((t) =>
    style === undefined ? { text: printable(t) } : { text: printable(t), style },
  );
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= TITLE_MAX ? flat : `${flat.slice(0, TITLE_MAX - 1)}…`;
}

/** Columns padded on the plain text, styled afterwards, so colour never skews widths. */
function layout(headers: readonly string[], rows: readonly Cell[][], style: Style): string[] {
  // A reduce, not Math.max(...rows): spreading 100,000 rows would overflow the call stack.
  const widths = headers.map((h, i) =>
    rows.reduce((w, r) => Math.max(w, r[i]!.text.length), h.length),
  );
  const line = (row: readonly Cell[]) =>
    row
      .map((c, i) => {
        const padded = i === row.length - 1 ? c.text : c.text.padEnd(widths[i]!);
        return c.style === undefined ? padded : style(c.style, padded);
      })
      .join('  ')
      .trimEnd();

  return [style(BOLD, line(headers.map((text) => ({ text })))), ...rows.map(line)];
}
