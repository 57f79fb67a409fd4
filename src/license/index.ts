/**
 * The license scanner: declared licenses normalised to SPDX expressions and sorted into
 * categories. `scanLicenses` is the entry point; `copyrightConsumer` is the layer-walk
 * consumer whose values it takes for dpkg packages.
 */
export { categoryTable, DEFAULT_CATEGORIES, lookupCategory } from './categories.js';
export { Classifier } from './classify.js';
export { type LicenseConfig, LicenseConfigSchema, parseLicenseConfig } from './config.js';
export {
  COPYRIGHT_CONSUMER,
  type CopyrightLicenses,
  type CopyrightValue,
  copyrightConsumer,
  parseCopyright,
} from './dpkg-copyright.js';
export { normalizeLicense, renderExpression } from './normalize.js';
export { type LicenseScanOptions, scanLicenses } from './scan.js';
export {
  CATEGORY_ORDER,
  type CategorizedLicense,
  type LicenseCategory,
  type LicenseFinding,
  type LicenseNode,
  type NormalizedLicense,
} from './types.js';
