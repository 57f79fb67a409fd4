import { z } from 'zod';
import { type CatalogValue, decodeText, type FoundPackage } from '../cataloger.js';
import { LicenseField, LicensesField, npmLicenses } from './licenses.js';

/** An installed package's manifest, `node_modules/[@scope/]name/package.json`. */
const PackageJson = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  license: LicenseField,
  licenses: LicensesField,
});

export function parsePackageJson(bytes: Buffer, path: string): CatalogValue {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes));
  } catch (err) {
    return {
      packages: [],
      problems: [{ path, message: `invalid json: ${(err as Error).message}` }],
    };
  }

  const parsed = PackageJson.safeParse(json);
  if (!parsed.success) {
    return { packages: [], problems: [{ path, message: 'package.json lacks a name or version' }] };
  }

  const { name, version, license, licenses } = parsed.data;
  const pkg: FoundPackage = {
    name,
    version,
    type: 'npm',
    licenses: npmLicenses(license, licenses),
  };
  return { packages: [pkg], problems: [] };
}
