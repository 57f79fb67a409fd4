import type { FileResult } from './files.js';
import type { Evidence } from './types.js';

/** The table form of misconfiguration results: one block per file, one line per evidence. */
export function renderMisconfigTable(results: FileResult[]): string {
  if (results.length === 0) return 'no Dockerfiles found\n';
  const blocks = results.map(renderFile);
  return `${blocks.join('\n\n')}\n`;
}

function renderFile(result: FileResult): string {
  const lines = [`${result.path}: ${summary(result)}`];
  for (const finding of result.findings) {
    lines.push(`  ${finding.severity.padEnd(8)} ${finding.id}  ${finding.title}`);
    for (const e of finding.evidence) lines.push(`           ${where(e)}${e.detail}`);
    lines.push(`           fix: ${finding.remedy}`);
  }
  for (const problem of result.problems) {
    const at = problem.line === undefined ? '' : `line ${problem.line}: `;
    lines.push(`  problem  ${at}${problem.message}`);
  }
  return lines.join('\n');
}

function summary(result: FileResult): string {
  const n = result.findings.length;
  return n === 0 ? 'no misconfigurations' : `${n} misconfiguration${n === 1 ? '' : 's'}`;
}

function where(e: Evidence): string {
  if (e.line !== undefined) return `line ${e.line}: `;
  if (e.historyIndex !== undefined) return `step ${e.historyIndex}: `;
  if (e.path !== undefined) return `${e.path}: `;
  return '';
}
