import { readFile, writeFile } from 'node:fs/promises';
import { DrydockError } from '../errors.js';
import type { ScanResult } from '../findings/types.js';
import { type LicenseConfig, parseLicenseConfig } from '../license/index.js';
import { renderOpenVex, type TriageInput, triage } from '../policy/index.js';
import { type ReportFormat, renderResult } from '../report/index.js';
import { parseScanners, type ScannerName } from '../scan/scanners.js';
import type { ScanTarget } from '../scan/target.js';
import { loadTriageInput } from '../scan/triage-input.js';
import { type OpenedDb, openScanDb, parseDuration, staleWarnings } from '../scan/vuln-db.js';
import type { WalkSummary } from '../scan/walk-report.js';
import { defaultDbPath } from '../vulndb/index.js';
import type { ScanOptions } from './options.js';
import { emit, warn } from './output.js';

const MAX_WARNINGS = 20;

/** What a scanning command settles before it reads any layer: bad flags fail fast. */
export interface Prepared {
  scanners: ScannerName[];
  triage: TriageInput;
  db?: OpenedDb;
  licenseConfig?: LicenseConfig;
}

export async function prepareScan(
  kind: 'image' | 'fs' | 'sbom',
  options: ScanOptions,
): Promise<Prepared> {
  const scanners = parseScanners(options.scanners, kind);
  const maxAgeMs = parseDuration(options.maxDbAge);
  const triageInput = await loadTriageInput(options);
  const prepared: Prepared = { scanners, triage: triageInput };

  if (options.licenseConfig) {
    prepared.licenseConfig = parseLicenseConfig(
      await readText(options.licenseConfig),
      options.licenseConfig,
    );
  }
  if (scanners.includes('vuln')) {
    const path = options.db ?? defaultDbPath(options.cacheDir);
    prepared.db = openScanDb(path, { maxAgeMs, failOnStale: options.failOnStale });
  }
  return prepared;
}

async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8').catch((err: unknown) => {
    throw new DrydockError('USAGE', `cannot read ${path}`, { cause: err });
  });
}

/**
 * Prints what the walk stepped over, as warnings on stderr. Files over a scanner's size
 * limit are counted in one line per scanner: a big image has hundreds, and each is the
 * same news.
 */
export function printDiagnostics(walk: WalkSummary, target: ScanTarget, quiet: boolean): void {
  const tooLarge = walk.diagnostics.filter((d) => d.code === 'file-too-large');
  const others = walk.diagnostics.filter((d) => d.code !== 'file-too-large');
  for (const d of others.slice(0, MAX_WARNINGS)) {
    const layer = d.layer !== undefined && target.kind === 'image' ? ` in layer ${d.layer}` : '';
    warn(`${d.code}${layer} at ${d.path ?? '?'}: ${d.message}`, quiet);
  }
  if (others.length > MAX_WARNINGS) {
    warn(`${others.length - MAX_WARNINGS} more diagnostics; see --debug`, quiet);
  }
  for (const [scanner, count] of countByScanner(tooLarge)) {
    warn(`${count} file(s) over the ${scanner} scanner's size limit were not read by it`, quiet);
  }
}

function countByScanner(diagnostics: WalkSummary['diagnostics']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    const scanner = d.consumer ?? 'a';
    counts.set(scanner, (counts.get(scanner) ?? 0) + 1);
  }
  return counts;
}

/**
 * Triage, report, VEX out, and the exit code: 0 when the gate passes (or there is none),
 * `--exit-code` (default 1 with a policy file) when it fails. See docs/exit-codes.md.
 */
export async function finishScan(
  raw: ScanResult,
  prepared: Prepared,
  options: ScanOptions,
): Promise<void> {
  let result = triage(raw, prepared.triage);
  if (prepared.db) {
    const stale = staleWarnings(prepared.db.stale);
    if (stale.length > 0) result = { ...result, warnings: [...stale, ...(result.warnings ?? [])] };
  }

  for (const w of (result.warnings ?? []).slice(0, MAX_WARNINGS)) warn(w, options.quiet);
  const text = renderResult(options.format as ReportFormat, result, {
    color: !options.output && process.stdout.isTTY === true && !process.env.NO_COLOR,
  });
  await emit(text, options.output);

  if (options.vexOut) {
    await writeFile(options.vexOut, renderOpenVex(result)).catch((err: unknown) => {
      throw new DrydockError('USAGE', `cannot write ${options.vexOut}`, { cause: err });
    });
  }
  if (result.policy && !result.policy.passed) process.exitCode = options.exitCode ?? 1;
}
