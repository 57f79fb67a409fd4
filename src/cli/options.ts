import { homedir } from 'node:os';
import { join } from 'node:path';
import { type Command, Option } from 'commander';

/** Flags every scanning command shares, with the same names the established scanners use. */
export interface CommonOptions {
  format: string;
  output?: string;
  cacheDir: string;
  quiet: boolean;
  debug: boolean;
}

/** The user's cache dir: DRYDOCK_CACHE_DIR, then XDG_CACHE_HOME, then the OS default. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DRYDOCK_CACHE_DIR) return env.DRYDOCK_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'drydock');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'drydock');
  if (process.platform === 'win32' && env.LOCALAPPDATA) {
    return join(env.LOCALAPPDATA, 'drydock', 'cache');
  }
  return join(homedir(), '.cache', 'drydock');
}

export function addCommonOptions(cmd: Command, formats: string[], defaultFormat: string): Command {
  return cmd
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(formats).default(defaultFormat),
    )
    .option('-o, --output <file>', 'write the report to FILE instead of standard output')
    .option('--cache-dir <dir>', 'cache directory (env DRYDOCK_CACHE_DIR)', defaultCacheDir())
    .option('-q, --quiet', 'print no progress or warnings', false)
    .option('--debug', 'print debug logs and full error chains', false);
}
