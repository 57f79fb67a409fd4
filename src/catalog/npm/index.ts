import { type Cataloger, catalogConsumer, type FileParser, MiB } from '../cataloger.js';
import { parsePackageJson } from './parse-package-json.js';
import { parsePackageLock } from './parse-package-lock.js';
import { parsePnpmLock } from './parse-pnpm-lock.js';
import { parseYarnLock } from './parse-yarn-lock.js';

export const NPM_INSTALLED_CATALOGER = 'npm-installed';
export const NPM_LOCK_CATALOGER = 'npm-lock';

/** Only a package's own manifest: the folder right under node_modules (or its scope). */
export const npmInstalledCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(
    NPM_INSTALLED_CATALOGER,
    1,
    ['**/node_modules/*/package.json', '**/node_modules/@*/*/package.json'],
    4 * MiB,
    parsePackageJson,
  ),
};

const LOCK_PARSERS: Record<string, FileParser> = {
  'package-lock.json': parsePackageLock,
  'npm-shrinkwrap.json': parsePackageLock,
  'yarn.lock': parseYarnLock,
  'pnpm-lock.yaml': parsePnpmLock,
};

export const npmLockCataloger: Cataloger = {
  mode: 'fs',
  consumer: catalogConsumer(
    NPM_LOCK_CATALOGER,
    2,
    Object.keys(LOCK_PARSERS).map((name) => `**/${name}`),
    64 * MiB,
    (bytes, path) => {
      // npm's hidden lockfile inside node_modules repeats what the manifests say.
      if (path.includes('node_modules/')) return undefined;
      return LOCK_PARSERS[path.slice(path.lastIndexOf('/') + 1)]?.(bytes, path);
    },
  ),
};
