import { open } from 'node:fs/promises';
import { Command } from 'commander';
import type { Inventory } from '../../catalog/types.js';
import { DrydockError } from '../../errors.js';
import { REPORT_FORMATS } from '../../report/index.js';
import { MAX_SBOM_BYTES, readSbom } from '../../sbom/index.js';
import { buildScanResult } from '../../scan/result.js';
import { addCommonOptions, addScanOptions, type ScanOptions } from '../options.js';
import { finishScan, prepareScan } from '../render.js';
import { setupLogging } from '../setup.js';

export function sbomCommand(): Command {
  const cmd = new Command('sbom')
    .description(
      'scan a CycloneDX or SPDX document (from drydock or another tool) for vulnerabilities',
    )
    .argument('<file>', 'SBOM file: CycloneDX JSON, SPDX JSON or drydock JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  drydock sbom bom.cdx.json\n  drydock sbom sbom.spdx.json --format cyclonedx',
    );
  addCommonOptions(cmd, [...REPORT_FORMATS], 'table');
  addScanOptions(cmd, 'vuln');

  return cmd.action(async (file: string, options: ScanOptions) => {
    setupLogging(options);
    const prepared = await prepareScan('sbom', options);
    try {
      const read = readSbom(await readBounded(file), file);
      const target = read.target ?? { kind: 'sbom' as const, name: file };
      const result = buildScanResult({
        target,
        inventory: withDistro(read.inventory),
        scanners: prepared.scanners,
        db: prepared.db?.db,
        licenseConfig: prepared.licenseConfig,
      });
      await finishScan(result, prepared, options);
    } finally {
      prepared.db?.db.close();
    }
  });
}

async function readBounded(file: string): Promise<Buffer> {
  const handle = await open(file, 'r').catch((err: unknown) => {
    throw new DrydockError('SOURCE_NOT_FOUND', `cannot read ${file}`, { cause: err });
  });
  try {
    const { size } = await handle.stat();
    if (size > MAX_SBOM_BYTES) {
      throw new DrydockError(
        'SBOM_INVALID',
        `${file} is ${size} bytes, over the ${MAX_SBOM_BYTES} limit`,
      );
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * An SBOM from another tool may carry the distro only in its OS packages' purls
 * (`?distro=debian-11`, `distro=alpine-3.11.6`); the first such qualifier stands in for a
 * missing operating-system component.
 */
function withDistro(inventory: Inventory): Inventory {
  if (inventory.distro) return inventory;
  for (const pkg of inventory.packages) {
    const m = /[?&]distro=([a-z]+)-([^&#]+)/i.exec(pkg.purl);
    if (m)
      return {
        ...inventory,
        distro: { id: m[1]!.toLowerCase(), versionId: decodeURIComponent(m[2]!) },
      };
  }
  return inventory;
}
