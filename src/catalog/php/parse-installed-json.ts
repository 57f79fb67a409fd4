import { z } from 'zod';
import type { CatalogValue, FoundPackage } from '../cataloger.js';
import { readJsonFile } from '../parse-json.js';

/**
 * Composer's record of installed packages, `vendor/composer/installed.json`: a bare array
 * up to Composer 1, `{ packages: [...], dev, dev-package-names }` from Composer 2.
 */
const Installed = z.union([
  z.array(z.unknown()),
  z.object({
    packages: z.array(z.unknown()),
    'dev-package-names': z.array(z.string()).optional().catch(undefined),
  }),
]);

const Entry = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  license: z
    .union([z.array(z.string()), z.string()])
    .optional()
    .catch(undefined),
});

export function parseComposerInstalled(bytes: Buffer, path: string): CatalogValue {
  const installed = readJsonFile(bytes, path, Installed, 'installed.json is not a package list');
  if (!installed.ok) return installed.value;

  const list = Array.isArray(installed.data) ? installed.data : installed.data.packages;
  const dev = new Set(Array.isArray(installed.data) ? [] : installed.data['dev-package-names']);
  const value: CatalogValue = { packages: [], problems: [] };
  list.forEach((raw, index) => {
    const entry = Entry.safeParse(raw);
    if (!entry.success) {
      value.problems.push({ path, message: `package ${index} lacks a name or version` });
      return;
    }
    value.packages.push(composerPackage(entry.data, dev.has(entry.data.name)));
  });
  return value;
}

function composerPackage(entry: z.infer<typeof Entry>, dev: boolean): FoundPackage {
  const licenses = typeof entry.license === 'string' ? [entry.license] : (entry.license ?? []);
  const pkg: FoundPackage = {
    name: entry.name,
    version: entry.version,
    type: 'composer',
    licenses,
  };
  if (dev) pkg.metadata = { dev: 'true' };
  return pkg;
}
