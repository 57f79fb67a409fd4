import { log } from '../log.js';
import { apk } from './apk/index.js';
import { dpkg } from './dpkg/index.js';
import { go } from './go/index.js';
import { maven } from './maven/index.js';
import { npm } from './npm/index.js';
import { nuget } from './nuget/index.js';
import { packagist } from './packagist/index.js';
import { pep440 } from './pep440/index.js';
import { rpm } from './rpm/index.js';
import { rubygems } from './rubygems/index.js';
import { semver } from './semver/index.js';
import type { Versioning } from './types.js';

/**
 * The one list of versioning modules and of the OSV ecosystem names that use them.
 * Names are OSV's (osv-schema ecosystems.json); a `:suffix` (release, CPE, repository
 * URL) is stripped before lookup. Ecosystems not listed use plain SemVer 2.0.
 */
// Each module is typed by its own version value; the registry only hands them on opaquely.
const erase = <V>(scheme: Versioning<V>) => scheme as unknown as Versioning;

export const SCHEMES = {
  dpkg: erase(dpkg),
  apk: erase(apk),
  rpm: erase(rpm),
  npm: erase(npm),
  pep440: erase(pep440),
  maven: erase(maven),
  go: erase(go),
  rubygems: erase(rubygems),
  packagist: erase(packagist),
  nuget: erase(nuget),
  semver: erase(semver),
} as const;

export type SchemeName = keyof typeof SCHEMES;

const ECOSYSTEMS: Readonly<Record<string, SchemeName>> = {
  Debian: 'dpkg',
  Ubuntu: 'dpkg',
  Alpine: 'apk',
  Wolfi: 'apk',
  Chainguard: 'apk',
  Alpaquita: 'apk',
  MinimOS: 'apk',
  'Red Hat': 'rpm',
  AlmaLinux: 'rpm',
  'Rocky Linux': 'rpm',
  SUSE: 'rpm',
  openSUSE: 'rpm',
  'Amazon Linux': 'rpm',
  'Oracle Linux': 'rpm',
  'Azure Linux': 'rpm',
  Mageia: 'rpm',
  openEuler: 'rpm',
  'Photon OS': 'rpm',
  CentOS: 'rpm',
  Fedora: 'rpm',
  npm: 'npm',
  PyPI: 'pep440',
  Maven: 'maven',
  Go: 'go',
  RubyGems: 'rubygems',
  Packagist: 'packagist',
  NuGet: 'nuget',
  'crates.io': 'semver',
  Hex: 'semver',
  Pub: 'semver',
  SwiftURL: 'semver',
};

const BY_LOWER_NAME = new Map(Object.entries(ECOSYSTEMS).map(([k, v]) => [k.toLowerCase(), v]));

/** `Debian:12` -> `Debian`, `Ubuntu:Pro:18.04:LTS` -> `Ubuntu`, `Maven:https://..` -> `Maven`. */
export function baseEcosystem(ecosystem: string): string {
  const colon = ecosystem.indexOf(':');
  return (colon === -1 ? ecosystem : ecosystem.slice(0, colon)).trim();
}

const warned = new Set<string>();

export function schemeNameFor(ecosystem: string): SchemeName {
  const base = baseEcosystem(ecosystem);
  const name = ECOSYSTEMS[base] ?? BY_LOWER_NAME.get(base.toLowerCase());
  if (name !== undefined) return name;

  if (!warned.has(base) && warned.size < 100) {
    warned.add(base);
    log().debug({ ecosystem: base }, 'ecosystem has no versioning module, using semver');
  }
  return 'semver';
}

export function versioningFor(ecosystem: string): Versioning {
  return SCHEMES[schemeNameFor(ecosystem)];
}

/** The ecosystems named explicitly, for documentation and tests. */
export function knownEcosystems(): string[] {
  return Object.keys(ECOSYSTEMS);
}
