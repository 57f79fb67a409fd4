import { CommanderError } from 'commander';
import { causeChain, DrydockError } from '../errors.js';

/**
 * Exit codes, documented in the README: 0 success, the user's `--exit-code` for a policy
 * failure (decided by the command itself), 2 for a user error, 3 for an internal error.
 */
export const EXIT_USER_ERROR = 2;
export const EXIT_INTERNAL_ERROR = 3;

/** Prints a failure the way its kind deserves and returns the exit code. */
export function reportFailure(err: unknown, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Commander has already printed help or the usage problem.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    if (err.code === 'commander.help') return 0;
    return EXIT_USER_ERROR;
  }

  if (err instanceof DrydockError && err.userFacing && !debug) {
    process.stderr.write(`drydock: ${err.message}\n`);
    return EXIT_USER_ERROR;
  }

  const chain = causeChain(err);
  process.stderr.write(`drydock: ${chain[0] ?? 'unknown error'}\n`);
  for (const line of chain.slice(1)) process.stderr.write(`  caused by: ${line}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return err instanceof DrydockError && err.userFacing ? EXIT_USER_ERROR : EXIT_INTERNAL_ERROR;
}
