import { renderInventory, type SbomFormat } from '../sbom/index.js';
import type { ScanReport } from '../scan/scan.js';
import { VERSION } from '../version.js';
import type { CommonOptions } from './options.js';
import { emit, warn } from './output.js';

const MAX_WARNINGS = 20;

/** Prints what the walk stepped over, then the report in the chosen format. */
export async function printReport(report: ScanReport, options: CommonOptions): Promise<void> {
  const { diagnostics } = report.walk;
  for (const d of diagnostics.slice(0, MAX_WARNINGS)) {
    const layer =
      d.layer !== undefined && report.target.kind === 'image' ? ` in layer ${d.layer}` : '';
    warn(`${d.code}${layer} at ${d.path ?? '?'}: ${d.message}`, options.quiet);
  }
  if (diagnostics.length > MAX_WARNINGS) {
    warn(`${diagnostics.length - MAX_WARNINGS} more diagnostics; see --format json`, options.quiet);
  }

  const text = renderInventory(options.format as SbomFormat, report.inventory, report.target, {
    timestamp: new Date().toISOString(),
    toolVersion: VERSION,
    color: !options.output && process.stdout.isTTY === true && !process.env.NO_COLOR,
    walk: {
      layers: report.walk.layers.map(({ index, digest, diffId, size, createdBy }) => ({
        index,
        digest,
        diffId,
        size,
        ...(createdBy !== undefined ? { createdBy } : {}),
      })),
      diagnostics,
    },
  });
  await emit(text, options.output);
}
