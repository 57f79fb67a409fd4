import { errorMessage } from '../errors.js';
import type { Consumer, FileContext } from '../layer/types.js';
import { log } from '../log.js';
import type { Distro, Package } from './types.js';

/**
 * The cataloger contract. A cataloger is a layer-walk consumer whose extracted value is a
 * `CatalogValue`: what one file declares, with no location and no purl, because only the
 * assembly knows the layer that wrote the file and the distro the purl must name. Values
 * are cached per layer, so they hold plain data only.
 */
export type FoundPackage = Omit<Package, 'purl' | 'locations'>;

export interface FileProblem {
  path: string;
  message: string;
}

/**
 * Facts about an OS package that live in files of their own, apart from its record: dpkg's
 * `info/<name>.list` (files) and `/usr/share/doc/<name>/copyright` (licenses).
 */
export interface OsPackageFacts {
  package: string;
  arch?: string;
  files?: string[];
  licenses?: string[];
}

export interface CatalogValue {
  packages: FoundPackage[];
  problems: FileProblem[];
  distro?: Distro;
  facts?: OsPackageFacts[];
}

/** 'image' catalogs what is installed; 'fs' adds what lockfiles and manifests declare. */
export type CatalogMode = 'image' | 'fs';

export interface Cataloger {
  mode: CatalogMode;
  consumer: Consumer<CatalogValue>;
}

export type FileParser = (bytes: Buffer, path: string) => CatalogValue | undefined;

export const KiB = 1024;
export const MiB = 1024 * KiB;

/**
 * Wraps a parser as a consumer. A parser that throws on input it did not foresee must not
 * end the scan: the file is reported as a problem and the walk goes on.
 */
export function catalogConsumer(
  name: string,
  version: number,
  patterns: string[],
  maxFileSize: number,
  parse: FileParser,
): Consumer<CatalogValue> {
  return {
    name,
    version,
    patterns,
    maxFileSize,
    extract(bytes: Buffer, file: FileContext): CatalogValue | undefined {
      try {
        return parse(bytes, file.entry.path);
      } catch (err) {
        log().debug({ cataloger: name, path: file.entry.path }, 'cataloger failed on a file');
        return { packages: [], problems: [{ path: file.entry.path, message: errorMessage(err) }] };
      }
    },
  };
}

/** Decodes text input, dropping a byte-order mark some editors and tools write. */
export function decodeText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
