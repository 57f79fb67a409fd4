import { Command } from 'commander';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { setupLogging } from '../setup.js';
import { DrydockError } from '../../errors.js';

export function sbomCommand(): Command {
  const cmd = new Command('sbom')
    .description('read a CycloneDX or SPDX document and report what it lists')
    .argument('<file>', 'SBOM file (CycloneDX JSON or SPDX JSON)');
  addCommonOptions(cmd, ['table', 'json'], 'table');
  return cmd.action(async (_file: string, options: CommonOptions) => {
    setupLogging(options);
    throw new DrydockError('SOURCE_UNSUPPORTED', 'reading SBOMs is not available in this build');
  });
}
