import { Command } from 'commander';
import { VERSION } from '../version.js';
import { configCommand } from './commands/config.js';
import { dbCommand } from './commands/db.js';
import { fsCommand } from './commands/fs.js';
import { imageCommand } from './commands/image.js';
import { sbomCommand } from './commands/sbom.js';
import { versionCommand } from './commands/version.js';

/** Every subcommand, listed here explicitly; each file in commands/ builds one. */
const COMMANDS: Array<() => Command> = [
  imageCommand,
  fsCommand,
  sbomCommand,
  configCommand,
  dbCommand,
  versionCommand,
];

export function buildProgram(): Command {
  const program = new Command('drydock')
    .description(
      'Scan container images, root filesystems and SBOMs for packages, vulnerabilities, ' +
        'secrets and misconfigurations.',
    )
    .version(VERSION, '-v, --version', 'print the drydock version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false, showGlobalOptions: false });

  // Commander errors surface as exceptions so main() maps them to drydock's exit codes.
  program.exitOverride();
  for (const make of COMMANDS) program.addCommand(make().exitOverride());
  return program;
}
