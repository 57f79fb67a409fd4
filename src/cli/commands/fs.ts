import { Command } from 'commander';
import { FORMATS } from '../../sbom/index.js';
import { scanFilesystem } from '../../scan/scan.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { printReport } from '../render.js';
import { setupLogging } from '../setup.js';

interface FsOptions extends CommonOptions {
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
  addCommonOptions(cmd, [...FORMATS], 'table');

  return cmd.action(async (dir: string, options: FsOptions) => {
    setupLogging(options);
    const skips = options.skipDirs?.map((d) => d.replace(/^\/+|\/+$/g, ''));
    const { report } = await scanFilesystem(dir, { skipDirs: skips });
    await printReport(report, options);
  });
}
