import { errorMessage } from '../../errors.js';
import type { CatalogValue } from '../cataloger.js';
import { headerToPackage } from './header-blob.js';

/** Every header becomes a package or a problem; one broken header never hides the rest. */
export function collectHeaders(blobs: Iterable<Buffer>, path: string): CatalogValue {
  const value: CatalogValue = { packages: [], problems: [] };
  let index = 0;
  for (const blob of blobs) {
    try {
      const pkg = headerToPackage(blob);
      if (pkg) value.packages.push(pkg);
    } catch (err) {
      value.problems.push({ path, message: `header ${index}: ${errorMessage(err)}` });
    }
    index++;
  }
  return value;
}
