import { writeFile } from 'node:fs/promises';
import { DrydockError } from '../errors.js';
import type { ScanResult } from '../findings/types.js';
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
}

export async function prepareScan(
  kind: 'image' | 'fs' | 'sbom',
  options: ScanOptions,
): Promise<Prepared> {
  const scanners = parseScanners(options.scanners, kind);
  const maxAgeMs = parseDuration(options.maxDbAge);
  const triageInput = await loadTriageInput(options);
  const prepared: Prepared = { scanners, triage: triageInput };

  if (scanners.includes('vuln')) {
    const path = options.db ?? defaultDbPath(options.cacheDir);
    prepared.db = openScanDb(path, { maxAgeMs, failOnStale: options.failOnStale });
  }
  return prepared;
}

/** Prints what the walk stepped over, as warnings on stderr. */
export function printDiagnostics(walk: WalkSummary, target: ScanTarget, quiet: boolean): void {
  const { diagnostics } = walk;
  for (const d of diagnostics.slice(0, MAX_WARNINGS)) {
    const layer = d.layer !== undefined && target.kind === 'image' ? ` in layer ${d.layer}` : '';
    warn(`${d.code}${layer} at ${d.path ?? '?'}: ${d.message}`, quiet);
  }
  if (diagnostics.length > MAX_WARNINGS) {
    warn(`${diagnostics.length - MAX_WARNINGS} more diagnostics; see --debug`, quiet);
  }
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
