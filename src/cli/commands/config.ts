import { Command, InvalidArgumentError } from 'commander';
import {
  checkPath,
  renderMisconfigTable,
  SEVERITIES,
  type Severity,
  withSeverities,
} from '../../misconfig/index.js';
import { VERSION } from '../../version.js';
import { addCommonOptions, type CommonOptions } from '../options.js';
import { emit } from '../output.js';
import { setupLogging } from '../setup.js';

interface ConfigOptions extends CommonOptions {
  skipCheck: string[];
  severity: Severity[];
  exitCode: number;
}

export function configCommand(): Command {
  const cmd = new Command('config')
    .description('check Dockerfiles for misconfigurations')
    .argument('<path>', 'a Dockerfile, or a folder searched for Dockerfiles and Containerfiles')
    .option('--skip-check <ids>', 'check ids to turn off, comma-separated', collectIds, [])
    .option('-s, --severity <list>', 'severities to report, comma-separated', parseSeverities, [
      ...SEVERITIES,
    ])
    .option('--exit-code <code>', 'exit code when misconfigurations are found', parseCode, 0)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  drydock config Dockerfile',
        '  drydock config . --severity HIGH,CRITICAL --exit-code 1',
        '  drydock config Dockerfile --skip-check DD-IMG-002 --format json',
      ].join('\n'),
    );
  addCommonOptions(cmd, ['table', 'json'], 'table');

  return cmd.action(async (path: string, options: ConfigOptions) => {
    setupLogging(options);
    const all = await checkPath(path, { disabled: options.skipCheck });
    const results = withSeverities(all, new Set(options.severity));

    const text =
      options.format === 'json'
        ? JSON.stringify({ drydock: VERSION, target: { kind: 'config', path }, results }, null, 2)
        : renderMisconfigTable(results);
    await emit(text, options.output);

    const found = results.some((r) => r.findings.length > 0);
    if (found && options.exitCode !== 0) process.exitCode = options.exitCode;
  });
}

function collectIds(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  ];
}

function parseSeverities(value: string): Severity[] {
  const list = value.split(',').map((s) => s.trim().toUpperCase());
  for (const s of list) {
    if (!SEVERITIES.includes(s as Severity)) {
      throw new InvalidArgumentError(`unknown severity ${s}; use ${SEVERITIES.join(', ')}`);
    }
  }
  return list as Severity[];
}

function parseCode(value: string): number {
  const code = Number(value);
  if (!Number.isInteger(code) || code < 0 || code > 255) {
    throw new InvalidArgumentError('the exit code must be a whole number from 0 to 255');
  }
  return code;
}
