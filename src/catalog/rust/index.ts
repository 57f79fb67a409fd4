import { BINARY_PATTERNS, MAX_BINARY_SIZE } from '../binary-paths.js';
import { type Cataloger, catalogConsumer, MiB } from '../cataloger.js';
import { parseRustBinary } from './parse-auditable.js';
import { parseCargoLock } from './parse-cargo-lock.js';

export const RUST_BINARY_CATALOGER = 'rust-binary';
export const CARGO_LOCK_CATALOGER = 'cargo-lock';

export const rustBinaryCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(
    RUST_BINARY_CATALOGER,
    1,
    [...BINARY_PATTERNS],
    MAX_BINARY_SIZE,
    parseRustBinary,
  ),
};

export const cargoLockCataloger: Cataloger = {
  mode: 'fs',
  consumer: catalogConsumer(CARGO_LOCK_CATALOGER, 1, ['**/Cargo.lock'], 16 * MiB, parseCargoLock),
};
