import { type Cataloger, catalogConsumer, type FileParser, MiB } from '../cataloger.js';
import { parseDpkgCopyright } from './parse-copyright.js';
import { parseDpkgList, parseDpkgMd5sums } from './parse-file-list.js';
import { parseDpkgStatus } from './parse-status.js';

export const DPKG_CATALOGER = 'dpkg';

function parserFor(path: string): FileParser | undefined {
  if (path === 'var/lib/dpkg/status') return parseDpkgStatus;
  if (path.startsWith('var/lib/dpkg/info/')) return parseDpkgList;
  if (path.startsWith('usr/share/doc/')) return parseDpkgCopyright;
  if (path.endsWith('.md5sums')) return parseDpkgMd5sums;
  return parseDpkgStatus;
}

export const dpkgCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(
    DPKG_CATALOGER,
    2,
    [
      'var/lib/dpkg/status',
      'var/lib/dpkg/status.d/*',
      'var/lib/dpkg/info/*.list',
      'usr/share/doc/*/copyright',
    ],
    64 * MiB,
    (bytes, path) => parserFor(path)?.(bytes, path),
  ),
};
