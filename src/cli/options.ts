import { homedir } from 'node:os';
import { join } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';

/** Flags every scanning command shares, with the same names the established scanners use. */
export interface CommonOptions {
  format: string;
  output?: string;
  cacheDir: string;
  quiet: boolean;
  debug: boolean;
}

/** Flags of the commands that match vulnerabilities and gate on them. */
export interface ScanOptions extends CommonOptions {
  scanners?: string;
  db?: string;
  severity?: string;
  ignoreUnfixed: boolean;
  exitCode?: number;
  ignoreFile?: string;
  policy?: string;
  vex?: string[];
  vexOut?: string;
  maxDbAge: string;
  failOnStale: boolean;
  licenseConfig?: string;
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

function exitCodeArg(value: string): number {
  const n = Number(value);
  if (!/^\d{1,3}$/.test(value) || n > 255) {
    throw new InvalidArgumentError('expected an exit code from 0 to 255');
  }
  return n;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Scanner selection, the vulnerability DB, and the gate: see docs/policy.md. */
export function addScanOptions(cmd: Command, defaultScanners: string): Command {
  return cmd
    .option(
      '--scanners <list>',
      `scanners to run: vuln,secret,misconfig,license (default ${defaultScanners})`,
    )
    .option('--db <file>', 'vulnerability DB file (default: CACHE_DIR/db/vulndb.sqlite)')
    .option('--severity <list>', 'report only these severities, e.g. CRITICAL,HIGH')
    .option('--ignore-unfixed', 'report only vulnerabilities that have a fix', false)
    .option('--exit-code <code>', 'exit with CODE when the policy gate fails', exitCodeArg)
    .option('--ignore-file <file>', 'ids to suppress (.trivyignore text or YAML), with expiry')
    .option('--policy <file>', 'policy file (YAML, CEL conditions); see docs/policy.md')
    .option('--vex <file>', 'OpenVEX or CycloneDX VEX document (repeatable)', collect)
    .option('--vex-out <file>', 'write the triage state as an OpenVEX document')
    .option('--max-db-age <duration>', 'warn when the DB or a source is older (90m, 24h, 7d)', '7d')
    .option('--fail-on-stale', 'fail instead of warning when the DB is stale', false)
    .option('--license-config <file>', 'license categories (YAML or JSON); see docs/licenses.md');
}
