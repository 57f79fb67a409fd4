import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { configCommand } from '../../src/cli/commands/config.js';
import { reportFailure } from '../../src/cli/failure.js';

/**
 * Runs `drydock config` in a child process the way main() runs a command, with the command
 * mounted on its own program: the program's command list is wired elsewhere.
 */
const SELF = fileURLToPath(import.meta.url);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runConfig(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, 'config', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DRYDOCK_RUN_CONFIG: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function main(): Promise<void> {
  const program = new Command('drydock').exitOverride();
  program.addCommand(configCommand().exitOverride());
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    process.exitCode = reportFailure(err, process.argv.includes('--debug'));
  }
}

if (process.env.DRYDOCK_RUN_CONFIG === '1' && process.argv[1] === SELF) void main();
