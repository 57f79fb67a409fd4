import { open } from 'node:fs/promises';
import { Command } from 'commander';
import { DrydockError } from '../../errors.js';
import { FORMATS, MAX_SBOM_BYTES, readSbom } from '../../sbom/index.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { printReport } from '../render.js';
import { setupLogging } from '../setup.js';

export function sbomCommand(): Command {
  const cmd = new Command('sbom')
    .description('read a CycloneDX or SPDX document (from drydock or another tool) as an inventory')
    .argument('<file>', 'SBOM file: CycloneDX JSON, SPDX JSON or drydock JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  drydock sbom bom.cdx.json\n  drydock sbom sbom.spdx.json --format cyclonedx',
    );
  addCommonOptions(cmd, [...FORMATS], 'table');

  return cmd.action(async (file: string, options: CommonOptions) => {
    setupLogging(options);
    const read = readSbom(await readBounded(file), file);
    const target = read.target ?? { kind: 'sbom' as const, name: file };
    await printReport(
      {
        target,
        walk: { layers: [], files: 0, removedFiles: 0, diagnostics: [] },
        inventory: read.inventory,
      },
      options,
    );
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
