import type { LicenseCategory } from './types.js';

/**
 * The default category of each license, following the kinds Google's licenseclassifier
 * assigns in license_type.go: forbidden (no use at all), restricted (strong copyleft),
 * reciprocal (file- or library-level copyleft), notice (keep the notice), permissive
 * (keep nothing but the grant), unencumbered (public domain and its equivalents). A family
 * rule ends in `*` and covers every id that starts with the text before it; an exact id
 * wins over a family. Ids in neither are `unknown`, so a license nobody placed is shown.
 */
const DEFAULT_RULES: Readonly<Record<LicenseCategory, readonly string[]>> = {
  forbidden: [
    'AGPL-*',
    'CC-BY-NC-*',
    'Commons-Clause',
    'Facebook-2-Clause',
    'Facebook-3-Clause',
    'Facebook-Examples',
    'WTFPL',
    // Not in the classifier's list: both forbid offering the software as a service.
    'SSPL-1.0',
    'BUSL-1.1',
  ],
  restricted: [
    'BCL',
    'CC-BY-ND-*',
    'CC-BY-SA-*',
    'GPL-*',
    'LGPL-*',
    'GFDL-*',
    'NPL-1.0',
    'NPL-1.1',
    'OSL-*',
    'QPL-1.0',
    'Sleepycat',
    'EUPL-*',
    'BSD-Protection',
    'CECILL-2.1',
  ],
  reciprocal: ['APSL-*', 'CDDL-*', 'CPL-1.0', 'EPL-*', 'IPL-1.0', 'MPL-*', 'MS-RL', 'Ruby'],
  notice: [
    'AFL-*',
    'Apache-*',
    'Artistic-*',
    'BSD-*',
    'BSL-1.0',
    'CC-BY-1.0',
    'CC-BY-2.0',
    'CC-BY-2.5',
    'CC-BY-3.0',
    'CC-BY-4.0',
    'FTL',
    'ISC',
    'ImageMagick',
    'Libpng',
    'libpng-2.0',
    'LPL-1.0',
    'LPL-1.02',
    'MIT',
    'MIT-*',
    'MS-PL',
    'NCSA',
    'OpenSSL',
    'PHP-3.0',
    'PHP-3.01',
    'PostgreSQL',
    'PSF-2.0',
    'Python-2.0',
    'SGI-B-2.0',
    'Unicode-*',
    'UPL-1.0',
    'W3C',
    'X11',
    'Xnet',
    'Zend-2.0',
    'Zlib',
    'zlib-acknowledgement',
    'ZPL-*',
    'curl',
    'HPND',
    'Beerware',
    'OFL-1.1',
    'SSLeay-standalone',
  ],
  permissive: ['FSFAP', 'FSFUL', 'FSFULLR', 'FSFULLRWD'],
  unencumbered: ['CC0-1.0', 'Unlicense', '0BSD', 'MIT-0', 'LicenseRef-Public-Domain'],
  unknown: [],
};

/** Lower-cased id or family prefix to category; build one with `categoryTable`. */
export interface CategoryTable {
  exact: Map<string, LicenseCategory>;
  /** Longest prefix first, so `MIT-0` (exact) and `MIT-*` and `M*` resolve as written. */
  prefixes: Array<[string, LicenseCategory]>;
}

export function categoryTable(rules: Iterable<[string, LicenseCategory]>): CategoryTable {
  const table: CategoryTable = { exact: new Map(), prefixes: [] };
  for (const [rule, category] of rules) {
    const key = rule.trim().toLowerCase();
    if (key.endsWith('*')) table.prefixes.push([key.slice(0, -1), category]);
    else table.exact.set(key, category);
  }

  table.prefixes.sort((a, b) => b[0].length - a[0].length);
  return table;
}

export const DEFAULT_CATEGORIES: CategoryTable = categoryTable(
  Object.entries(DEFAULT_RULES).flatMap(([category, ids]) =>
    ids.map((id): [string, LicenseCategory] => [id, category as LicenseCategory]),
  ),
);

/** The category `table` gives a license id or an unknown license's text, if any. */
export function lookupCategory(table: CategoryTable, name: string): LicenseCategory | undefined {
  const key = name.trim().toLowerCase();
  const exact = table.exact.get(key) ?? table.exact.get(key.replace(/\+$/, ''));
  if (exact) return exact;

  return table.prefixes.find(([prefix]) => key.startsWith(prefix))?.[1];
}
