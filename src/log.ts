import { type Logger, pino } from 'pino';

/**
 * The one structured logger. Library code takes it from here; only the CLI decides where
 * it writes and at which level. Credentials are redacted centrally so no call site has to
 * remember to.
 */
const REDACT_PATHS = [
  'password',
  'token',
  'authorization',
  'auth',
  'headers.authorization',
  '*.password',
  '*.token',
  '*.authorization',
  '*.auth',
];

let current: Logger = pino({ level: 'silent' });

export function createLogger(level: string, destination: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined },
    destination,
  );
}

export function setLogger(logger: Logger): void {
  current = logger;
}

export function log(): Logger {
  return current;
}
