import { spdxLicenseId } from './spdx-ids.js';

/**
 * License URLs as Maven POMs, OSGi `Bundle-License` headers and old npm `licenses` entries
 * write them. The SPDX and OSI sites name a license by its id in the last path segment;
 * the others are the canonical URLs each steward publishes its license under.
 */
const URL_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['apache.org/licenses/license-2.0', 'Apache-2.0'],
  ['apache.org/licenses/license-1.1', 'Apache-1.1'],
  ['gnu.org/licenses/old-licenses/gpl-2.0', 'GPL-2.0-only'],
  ['gnu.org/licenses/old-licenses/lgpl-2.1', 'LGPL-2.1-only'],
  ['gnu.org/licenses/gpl-3.0', 'GPL-3.0-only'],
  ['gnu.org/licenses/lgpl-3.0', 'LGPL-3.0-only'],
  ['gnu.org/licenses/agpl-3.0', 'AGPL-3.0-only'],
  ['eclipse.org/legal/epl-v10', 'EPL-1.0'],
  ['eclipse.org/legal/epl-2.0', 'EPL-2.0'],
  ['eclipse.org/legal/epl-v20', 'EPL-2.0'],
  ['eclipse.org/org/documents/edl-v10', 'BSD-3-Clause'],
  ['mozilla.org/mpl/2.0', 'MPL-2.0'],
  ['mozilla.org/mpl/mpl-1.1', 'MPL-1.1'],
  ['creativecommons.org/publicdomain/zero/1.0', 'CC0-1.0'],
  ['opensource.org/licenses/mit-license', 'MIT'],
  ['opensource.org/licenses/bsd-license', 'BSD-2-Clause'],
  ['opensource.org/licenses/bsd-3-clause', 'BSD-3-Clause'],
  ['opensource.org/licenses/apache2.0', 'Apache-2.0'],
  ['unlicense.org', 'Unlicense'],
];

const ID_SITES = ['spdx.org/licenses/', 'opensource.org/licenses/', 'opensource.org/license/'];

export function licenseFromUrl(url: string): string | undefined {
  if (url.length > 512) return undefined;

  const bare = url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
  const known = URL_PREFIXES.find(([prefix]) => bare.startsWith(prefix));
  if (known) return known[1];

  const site = ID_SITES.find((prefix) => bare.startsWith(prefix));
  if (!site) return undefined;

  const segment = bare.slice(site.length).replace(/\.(?:html?|php|txt|json)$/, '');
  if (segment.includes('/')) return undefined;
  return spdxLicenseId(segment) ?? spdxLicenseId(segment.replace(/-license$/, ''));
}
