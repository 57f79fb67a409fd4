import { DrydockError } from '../errors.js';
import type { ScanResult } from '../findings/types.js';
import { renderCycloneDxReport } from './cyclonedx.js';
import { renderHtmlReport } from './html.js';
import { renderJsonReport } from './json.js';
import { renderJunitReport } from './junit.js';
import { renderMarkdownReport } from './markdown.js';
import { renderSarifReport } from './sarif/index.js';
import { renderSpdxReport } from './spdx.js';
import { renderTableReport } from './table.js';
import { REPORT_FORMATS, type Reporter, type ReportFormat, type ReportOptions } from './types.js';

/**
 * The report formats, listed explicitly: the CLI offers exactly these as `--format`
 * choices for scans, and a new format is added here and in REPORT_FORMATS, nowhere else.
 */
export const REPORTERS: readonly Reporter[] = [
  { format: 'table', render: renderTableReport },
  { format: 'json', render: renderJsonReport },
  { format: 'sarif', render: renderSarifReport },
  { format: 'cyclonedx', render: renderCycloneDxReport },
  { format: 'spdx-json', render: renderSpdxReport },
  { format: 'junit', render: renderJunitReport },
  { format: 'markdown', render: renderMarkdownReport },
  { format: 'html', render: renderHtmlReport },
];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function renderResult(
  format: ReportFormat,
  result: ScanResult,
  options: ReportOptions,
): string {
  const reporter = REPORTERS.find((r) => r.format === format);
  if (reporter === undefined) {
    throw new DrydockError('USAGE', `unknown report format ${JSON.stringify(format)}`);
  }
  return reporter.render(result, options);
}

export { RESULT_SCHEMA_VERSION, type ScanResultDocument, scanResultSchema } from './json.js';
export { REPORT_FORMATS, type Reporter, type ReportFormat, type ReportOptions } from './types.js';
