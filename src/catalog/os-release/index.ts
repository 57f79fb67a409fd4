import { type Cataloger, catalogConsumer, type FileParser, KiB } from '../cataloger.js';
import { parseLsbRelease, parseOsRelease } from './parse-os-release.js';
import {
  parseAlpineRelease,
  parseDebianVersion,
  parseRedhatRelease,
} from './parse-release-file.js';

/**
 * Release files in the order they are trusted: os-release(5) first, then the older
 * distribution-specific files. The assembly picks the first one present in the image.
 */
export const RELEASE_FILES: readonly string[] = [
  'etc/os-release',
  'usr/lib/os-release',
  'etc/lsb-release',
  'etc/alpine-release',
  'etc/redhat-release',
  'etc/centos-release',
  'etc/debian_version',
];

const PARSERS: Record<string, FileParser> = {
  'etc/os-release': parseOsRelease,
  'usr/lib/os-release': parseOsRelease,
  'etc/lsb-release': parseLsbRelease,
  'etc/alpine-release': parseAlpineRelease,
  'etc/redhat-release': parseRedhatRelease,
  'etc/centos-release': parseRedhatRelease,
  'etc/debian_version': parseDebianVersion,
};

export const OS_RELEASE_CATALOGER = 'os-release';

export const osReleaseCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(OS_RELEASE_CATALOGER, 1, [...RELEASE_FILES], 64 * KiB, (bytes, path) =>
    PARSERS[path]?.(bytes, path),
  ),
};
