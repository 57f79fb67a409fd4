import { type Cataloger, catalogConsumer, type FileParser, MiB } from '../cataloger.js';
import { parseRpmBdb } from './parse-bdb.js';
import { parseRpmNdb } from './parse-ndb.js';
import { parseRpmSqlite } from './parse-sqlite.js';

export const RPM_CATALOGER = 'rpm';

const PARSERS: Record<string, FileParser> = {
  'rpmdb.sqlite': parseRpmSqlite,
  Packages: parseRpmBdb,
  'Packages.db': parseRpmNdb,
};

export const rpmCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(
    RPM_CATALOGER,
    1,
    [
      'var/lib/rpm/rpmdb.sqlite',
      'var/lib/rpm/Packages',
      'var/lib/rpm/Packages.db',
      'usr/lib/sysimage/rpm/rpmdb.sqlite',
      'usr/lib/sysimage/rpm/Packages',
      'usr/lib/sysimage/rpm/Packages.db',
    ],
    512 * MiB,
    (bytes, path) => PARSERS[path.slice(path.lastIndexOf('/') + 1)]?.(bytes, path),
  ),
};
