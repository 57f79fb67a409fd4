import type { ScanReport } from '../scan/scan.js';

/** A plain-text summary of the target and its layers, for `--format table`. */
export function renderWalkTable(report: ScanReport): string {
  const { target, walk } = report;
  const lines = [`${target.name}${target.digest ? ` (${target.digest})` : ''}`];
  if (target.platform) lines.push(`platform: ${target.platform}`);
  lines.push(`files: ${walk.files}, removed by later layers: ${walk.removedFiles}`, '');

  lines.push(row('LAYER', 'SIZE', 'ENTRIES', 'CACHED', 'CREATED BY'));
  for (const l of walk.layers) {
    const by = (l.createdBy ?? '').replace(/\s+/g, ' ').slice(0, 60);
    lines.push(row(String(l.index), human(l.size), String(l.entries), l.cached ? 'yes' : 'no', by));
  }

  if (walk.diagnostics.length > 0) {
    lines.push('', `diagnostics (${walk.diagnostics.length}):`);
    for (const d of walk.diagnostics.slice(0, 50)) {
      const where = [d.layer !== undefined ? `layer ${d.layer}` : '', d.path ?? ''].filter(Boolean);
      lines.push(`  ${d.code}: ${where.join(' ')}: ${d.message}`);
    }
  }
  return lines.join('\n');
}

function row(...cells: string[]): string {
  const widths = [6, 10, 8, 7, 0];
  return cells.map((c, i) => (widths[i] ? c.padEnd(widths[i]!) : c)).join(' ').trimEnd();
}

function human(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
