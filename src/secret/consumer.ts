import type { Consumer } from '../layer/types.js';
import type { SecretAllowlist } from './allowlist.js';
import { DOCS_AND_TESTS } from './builtin-allow.js';
import { sniffContent } from './content.js';
import { RULES_VERSION } from './rules/index.js';
import { DEFAULT_FILE_LIMITS, type FileScanLimits, scanFileBytes } from './scan-file.js';
import type { FileSecrets } from './types.js';

export const SECRET_CONSUMER_NAME = 'secret';

export interface SecretScanOptions {
  /** Applied by collectSecretFindings and scanImageConfigForSecrets, never in the walk. */
  allowlist?: SecretAllowlist;
  /** Files larger than this are not read (the walk reports them). Default 10 MiB. */
  maxFileSize?: number;
}

/** The consumer with the options it was made from, so collection can apply the allowlist. */
export interface SecretConsumer extends Consumer<FileSecrets> {
  options: SecretScanOptions;
}

/**
 * The secret scanner's part of the layer walk: every file, every layer. Its value per
 * file holds only redacted forms and fingerprints, because the walk caches values on disk.
 * The value depends on the bytes and the rules alone (allowlists apply later), so
 * RULES_VERSION is the whole cache key. Files with nothing to report produce no value.
 */
export function secretConsumer(options: SecretScanOptions = {}): SecretConsumer {
  const limits: FileScanLimits = {
    ...DEFAULT_FILE_LIMITS,
    maxTextBytes: options.maxFileSize ?? DEFAULT_FILE_LIMITS.maxTextBytes,
  };
  return {
    name: SECRET_CONSUMER_NAME,
    version: RULES_VERSION,
    patterns: ['**'],
    exclude: DOCS_AND_TESTS,
    maxFileSize: limits.maxTextBytes,
    options,
    // Binaries are skipped by content anyway; refusing them at their first bytes spares
    // copying them. Too short a head to judge (or an archive) is read.
    accepts: (head) => head.length < 512 || sniffContent(head) !== 'binary',
    extract(bytes) {
      const found = scanFileBytes(bytes, limits);
      return found.matches.length > 0 || found.problems ? found : undefined;
    },
  };
}
