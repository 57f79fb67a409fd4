import { createLogger, setLogger } from '../log.js';
import type { CommonOptions } from './options.js';

/** Logs go to stderr as JSON lines: debug with --debug, warnings otherwise, none when quiet. */
export function setupLogging(options: Pick<CommonOptions, 'debug' | 'quiet'>): void {
  const level = options.debug ? 'debug' : options.quiet ? 'silent' : 'warn';
  setLogger(createLogger(level, process.stderr));
}
