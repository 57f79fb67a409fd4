import { Command } from 'commander';
import { VERSION } from '../../version.js';

export function versionCommand(): Command {
  return new Command('version')
    .description('print the drydock version')
    .option('-f, --format <format>', 'text or json', 'text')
    .action((options: { format: string }) => {
      const info = { version: VERSION, node: process.versions.node };
      const text =
        options.format === 'json' ? JSON.stringify(info) : `drydock ${VERSION} (node ${info.node})`;
      process.stdout.write(`${text}\n`);
    });
}
