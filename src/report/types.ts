import type { ScanResult } from '../findings/types.js';

/**
 * The report module's contract. A reporter turns one ScanResult into the text of one
 * format and reads nothing else, so every format tells the same story. Output MUST be
 * deterministic: the same result and options give the same bytes, so reports can be
 * diffed, cached and signed. Every string in a result may come from the scanned image and
 * is hostile until escaped for the format it is written into.
 */
export const REPORT_FORMATS = [
  'table',
  'json',
  'sarif',
  'cyclonedx',
  'spdx-json',
  'junit',
  'markdown',
  'html',
] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  /** ANSI styling (table only); the caller decides: a TTY and no NO_COLOR. */
  color: boolean;
  /** Replaces `result.createdAt` in the document, ISO 8601; tests pin it for stable bytes. */
  timestamp?: string;
}

export interface Reporter {
  format: ReportFormat;
  render(result: ScanResult, options: ReportOptions): string;
}
