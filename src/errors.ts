/**
 * The one error type drydock throws. `code` says what went wrong in a way callers can
 * branch on; `userFacing` decides how the CLI prints it: one clear sentence for problems
 * the user can fix (bad reference, missing file, wrong credentials, hostile input), the
 * full cause chain for internal errors.
 */
export type ErrorCode =
  | 'USAGE'
  | 'REF_INVALID'
  | 'SOURCE_NOT_FOUND'
  | 'SOURCE_UNSUPPORTED'
  | 'MANIFEST_INVALID'
  | 'CONFIG_INVALID'
  | 'PLATFORM_NOT_FOUND'
  | 'BLOB_MISSING'
  | 'BLOB_DIGEST_MISMATCH'
  | 'BLOB_TOO_LARGE'
  | 'DIFF_ID_MISMATCH'
  | 'LAYER_CORRUPT'
  | 'LAYER_TOO_LARGE'
  | 'COMPRESSION_UNKNOWN'
  | 'REGISTRY_AUTH'
  | 'REGISTRY_HTTP'
  | 'REGISTRY_PROTOCOL'
  | 'NETWORK'
  | 'CREDENTIALS'
  | 'CACHE_IO'
  | 'VERSION_PARSE'
  | 'RANGE_PARSE'
  | 'FEED_INVALID'
  | 'DB_INVALID'
  | 'SBOM_INVALID'
  | 'POLICY_INVALID'
  | 'VEX_INVALID'
  | 'IGNORE_FILE_INVALID'
  | 'DB_MISSING'
  | 'DB_STALE'
  | 'ARCHIVE_INVALID'
  | 'PACKAGE_DATA_INVALID'
  | 'LICENSE_CONFIG_INVALID'
  | 'INTERNAL';

const INTERNAL_CODES: ReadonlySet<ErrorCode> = new Set(['INTERNAL', 'CACHE_IO']);

export class DrydockError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DrydockError';
    this.code = code;
  }

  get userFacing(): boolean {
    return !INTERNAL_CODES.has(this.code);
  }
}

export function isDrydockError(err: unknown, code?: ErrorCode): err is DrydockError {
  return err instanceof DrydockError && (code === undefined || err.code === code);
}

/** The message of any thrown value, for diagnostics that must not lose the reason. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** The cause chain as lines, outermost first, for `--debug` and internal errors. */
export function causeChain(err: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current !== undefined && depth < 10; depth++) {
    if (current instanceof Error) {
      const code = current instanceof DrydockError ? ` [${current.code}]` : '';
      lines.push(`${current.name}${code}: ${current.message}`);
      current = current.cause;
    } else {
      lines.push(String(current));
      current = undefined;
    }
  }
  return lines;
}
