/**
 * The layer walk's contracts. A walk streams each layer once, records every entry's
 * metadata, applies whiteouts to build the squashed view, and hands the bytes of only the
 * files a consumer asked for to that consumer.
 */
export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

export interface FileEntry {
  /** Normalised path relative to the root, no leading `/` or `./`, e.g. `etc/os-release`. */
  path: string;
  type: EntryType;
  size: number;
  /** Permission and special bits (setuid 0o4000, setgid 0o2000, sticky 0o1000). */
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  /** Symlink target as written, or the normalised hard-link target path. */
  linkTarget?: string;
}

/** Where a file came from: the layer that wrote it and the build step behind that layer. */
export interface LayerOrigin {
  index: number;
  diffId: string;
  historyIndex?: number;
  createdBy?: string;
}

/** A problem met while reading input that the walk reported and stepped over. */
export interface Diagnostic {
  code: string;
  message: string;
  layer?: number;
  path?: string;
  /** The consumer the problem concerns, when it concerns one. */
  consumer?: string;
}

export interface FileContext {
  entry: FileEntry;
  layer: LayerOrigin;
}

/**
 * A consumer declares the paths it wants and turns each such file's bytes into a
 * JSON-serialisable value. Values are cached per layer under the consumer's name and
 * version, so bumping `version` invalidates what an older version produced. Paths are
 * matched without a leading slash (`var/lib/dpkg/status`, `**\/*.jar`).
 */
export interface Consumer<T = unknown> {
  name: string;
  version: number;
  /** Exact paths or globs (picomatch syntax, `dot: true`). */
  patterns: string[];
  /** Globs never read for this consumer, even where `patterns` match. Part of its version. */
  exclude?: string[];
  /** Files larger than this are not read; the walk records a diagnostic instead. */
  maxFileSize: number;
  /**
   * Optional early refusal: given the first bytes of a file as the stream delivers them
   * (any length from one byte up), false means "do not read the rest for me". A consumer
   * that wants every path but only text (the secret scanner) saves copying the binaries.
   * `extract` must still cope with anything: this is a hint, not a filter.
   */
  accepts?(head: Buffer): boolean;
  extract(bytes: Buffer, file: FileContext): T | undefined | Promise<T | undefined>;
}

/** One consumer value for one path, placed in the squashed view. */
export interface ConsumerResult<T> {
  path: string;
  layer: number;
  value: T;
  /** Set when a later layer deleted or replaced this file: the index of that layer. */
  removedBy?: number;
}
