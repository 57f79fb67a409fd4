import { z } from 'zod';
import type { CatalogValue, FoundPackage } from '../cataloger.js';
import { readJsonFile } from '../parse-json.js';
import { LicenseField, LicensesField, npmLicenses } from './licenses.js';

/** An installed package's manifest, `node_modules/[@scope/]name/package.json`. */
const PackageJson = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  license: LicenseField,
  licenses: LicensesField,
});

export function parsePackageJson(bytes: Buffer, path: string): CatalogValue {
  const parsed = readJsonFile(bytes, path, PackageJson, 'package.json lacks a name or version');
  if (!parsed.ok) return parsed.value;

  const { name, version, license, licenses } = parsed.data;
  const pkg: FoundPackage = {
    name,
    version,
    type: 'npm',
    licenses: npmLicenses(license, licenses),
  };
  return { packages: [pkg], problems: [] };
}
