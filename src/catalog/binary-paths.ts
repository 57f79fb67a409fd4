import { MiB } from './cataloger.js';

/**
 * Where executables live. Binaries cannot be picked by name, so the binary catalogers
 * read the usual executable folders and check the ELF magic before parsing anything.
 */
export const BINARY_PATTERNS: readonly string[] = [
  'bin/*',
  'sbin/*',
  'usr/bin/*',
  'usr/sbin/*',
  'usr/local/bin/*',
  'usr/local/sbin/*',
  'usr/libexec/**',
  'usr/lib/go-*/bin/*',
  'usr/lib/go-*/pkg/tool/*/*',
  'usr/local/go/bin/*',
  'usr/local/go/pkg/tool/*/*',
  'opt/**',
  'app/**',
  'go/bin/*',
  'root/go/bin/*',
  'root/.cargo/bin/*',
  'usr/local/cargo/bin/*',
  'ko-app/*',
];

export const MAX_BINARY_SIZE = 256 * MiB;
