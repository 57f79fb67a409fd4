import { Command } from 'commander';
import { REPORT_FORMATS } from '../../report/index.js';
import { buildScanResult } from '../../scan/result.js';
import { scanFilesystem } from '../../scan/scan.js';
import { scannerConsumers } from '../../scan/scanners.js';
import { addCommonOptions, addScanOptions, type ScanOptions } from '../options.js';
import { finishScan, prepareScan, printDiagnostics } from '../render.js';
import { setupLogging } from '../setup.js';

interface FsOptions extends ScanOptions {
  skipDirs?: string[];
}

export function fsCommand(): Command {
  const cmd = new Command('fs')
    .alias('rootfs')
    .description('scan a directory or a root filesystem, such as / or an unpacked image')
    .argument('<dir>', 'directory to scan')
    .option(
      '--skip-dirs <dirs...>',
      'directories (relative to DIR) not to descend into; ' +
        'for / the default is proc sys dev run',
    )
    .addHelpText('after', '\nExamples:\n  drydock fs /\n  drydock rootfs ./rootfs --format json');
  addCommonOptions(cmd, [...REPORT_FORMATS], 'table');
  addScanOptions(cmd, 'vuln,secret');

  return cmd.action(async (dir: string, options: FsOptions) => {
    setupLogging(options);
    const prepared = await prepareScan('fs', options);
    try {
      const skips = options.skipDirs?.map((d) => d.replace(/^\/+|\/+$/g, ''));
      const consumers = scannerConsumers(prepared.scanners);
      const { report, walk } = await scanFilesystem(dir, { skipDirs: skips, consumers });
      printDiagnostics(report.walk, report.target, options.quiet);

      const result = buildScanResult({
        target: report.target,
        inventory: report.inventory,
        scanners: prepared.scanners,
        db: prepared.db?.db,
        licenseConfig: prepared.licenseConfig,
        walk,
      });
      await finishScan(result, prepared, options);
    } finally {
      prepared.db?.db.close();
    }
  });
}
