import type { SecretRule } from '../types.js';
import { ALNUM, B64URL, tokenRule } from './define.js';

/** Package and image registries, and the files that hold their credentials. */
export const registryRules: SecretRule[] = [
  tokenRule({
    id: 'npm-access-token',
    title: 'npm access token',
    category: 'registry',
    severity: 'critical',
    keywords: ['npm_'],
    token: `npm_[${ALNUM}]{36}`,
    minEntropy: 3.5,
  }),
  {
    id: 'npmrc-auth',
    title: 'npm registry credential in .npmrc',
    category: 'registry',
    severity: 'critical',
    keywords: ['_authtoken', '_auth', '_password'],
    // `//registry.example/:_authToken=...` and the older `_auth` / `_password` forms.
    pattern:
      /(?:^|[\s:])_(?:authToken|auth|password)\s{0,4}=\s{0,4}["']?(?<secret>[^\s"'$]{8,2048})/gm,
    validate: (value) => !value.startsWith('{'),
  },
  tokenRule({
    id: 'pypi-token',
    title: 'PyPI upload token',
    category: 'registry',
    severity: 'critical',
    keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
    // Macaroons whose location field is pypi.org or test.pypi.org.
    token: `pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[${B64URL}]{50,1000}`,
  }),
  tokenRule({
    id: 'rubygems-api-key',
    title: 'RubyGems API key',
    category: 'registry',
    keywords: ['rubygems_'],
    token: 'rubygems_[a-f0-9]{48}',
  }),
  {
    id: 'docker-config-auth',
    title: 'Registry credential in Docker config.json',
    category: 'registry',
    severity: 'critical',
    keywords: ['"auth"', '"identitytoken"'],
    pattern: /"(?:auth|identitytoken)"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9+/=._-]{8,4096})"/g,
    validate: (value) => value.includes('.') || decodesToUserPass(value),
  },
  tokenRule({
    id: 'dockerhub-pat',
    title: 'Docker Hub personal access token',
    category: 'registry',
    severity: 'critical',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    token: `dckr_(?:pat|oat)_[${B64URL}]{27,32}`,
  }),
  tokenRule({
    id: 'nuget-api-key',
    title: 'NuGet API key',
    category: 'registry',
    keywords: ['oy2'],
    token: 'oy2[a-z0-9]{43}',
    minEntropy: 3.5,
  }),
  tokenRule({
    id: 'artifactory-api-key',
    title: 'JFrog Artifactory API key',
    category: 'registry',
    keywords: ['akcp'],
    token: `AKCp[${ALNUM}]{69}`,
  }),
  tokenRule({
    id: 'artifactory-reference-token',
    title: 'JFrog Artifactory reference token',
    category: 'registry',
    keywords: ['cmvmdgtu'],
    token: `cmVmdGtu[${ALNUM}]{56}`,
  }),
  tokenRule({
    id: 'clojars-token',
    title: 'Clojars deploy token',
    category: 'registry',
    keywords: ['clojars_'],
    token: 'CLOJARS_[a-z0-9]{60}',
  }),
  {
    id: 'maven-settings-password',
    severity: 'high',
    title: 'Password in Maven or NuGet XML settings',
    category: 'registry',
    keywords: ['<password>', 'cleartextpassword'],
    pattern: new RegExp(
      String.raw`<password>\s{0,4}(?<secret>[^<\s$\{\}]{6,256})\s{0,4}</password>|` +
        String.raw`key="ClearTextPassword"\s{1,4}value="(?<secret2>[^"]{6,256})"`,
      'gi',
    ),
  },
  {
    id: 'netrc-password',
    severity: 'high',
    title: 'Password in .netrc',
    category: 'registry',
    keywords: ['machine'],
    pattern: new RegExp(
      String.raw`machine\s{1,8}[^\s]{1,255}\s{1,8}login\s{1,8}[^\s]{1,255}` +
        String.raw`\s{1,8}password\s{1,8}(?<secret>[^\s]{4,512})`,
      'g',
    ),
  },
];

/** Docker's `auth` field is base64 of `user:password`. */
function decodesToUserPass(value: string): boolean {
  const text = Buffer.from(value, 'base64').toString('latin1');
  const colon = text.indexOf(':');
  return colon > 0 && colon < text.length - 1 && /^[\x20-\x7e]+$/.test(text);
}
