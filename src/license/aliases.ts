import type { LicenseCategory } from './types.js';

/**
 * Names that are not SPDX ids, and what they mean. Keys go through `nameKey`, so each
 * table lists one spelling and the key folds case, `License`/`Licence`, `Version`, `v2`,
 * `or later` and separators. Sources:
 * - Debian: the short names of the machine-readable copyright format 1.0 ("License
 *   specification" section) and the files in /usr/share/common-licenses, where `Artistic`
 *   is the Perl Artistic License and `BSD` the 3-clause text of the UC Regents.
 * - Python: the `License ::` trove classifiers listed at pypi.org/classifiers.
 * - npm, RubyGems, Composer and Maven: names the SPDX license list's `name` field gives
 *   for the same licenses, which registries echo when authors type a name, not an id.
 */

/** A name to an SPDX expression (or a `LicenseRef-` for licenses SPDX has no id for). */
export const NAME_ALIASES: Readonly<Record<string, string>> = aliasTable({
  Expat: 'MIT',
  'MIT/X11': 'MIT',
  'MIT X11': 'MIT',
  'X11/MIT': 'MIT',
  Artistic: 'Artistic-1.0-Perl',
  'Perl Artistic': 'Artistic-1.0-Perl',
  Perl: 'GPL-1.0-or-later OR Artistic-1.0-Perl',
  'Perl 5': 'Artistic-1.0-Perl OR GPL-1.0-or-later',
  'New BSD': 'BSD-3-Clause',
  'Modified BSD': 'BSD-3-Clause',
  'Revised BSD': 'BSD-3-Clause',
  'BSD New': 'BSD-3-Clause',
  'BSD 3': 'BSD-3-Clause',
  'BSD 3 Clause': 'BSD-3-Clause',
  '3-clause BSD': 'BSD-3-Clause',
  'Simplified BSD': 'BSD-2-Clause',
  'BSD Simplified': 'BSD-2-Clause',
  FreeBSD: 'BSD-2-Clause',
  'BSD 2': 'BSD-2-Clause',
  'BSD 2 Clause': 'BSD-2-Clause',
  '2-clause BSD': 'BSD-2-Clause',
  'BSD 4': 'BSD-4-Clause',
  'BSD 4 Clause': 'BSD-4-Clause',
  'public-domain': 'LicenseRef-Public-Domain',
  'Public Domain': 'LicenseRef-Public-Domain',
  PublicDomain: 'LicenseRef-Public-Domain',
  PD: 'LicenseRef-Public-Domain',
  'zlib/libpng': 'Zlib',
  'zlib-libpng': 'Zlib',
  PSF: 'PSF-2.0',
  PSFL: 'PSF-2.0',
  'PSF 2': 'PSF-2.0',
  'Python Software Foundation': 'PSF-2.0',
  Python: 'Python-2.0',
  CC0: 'CC0-1.0',
  'CC0 1': 'CC0-1.0',
  'Creative Commons Zero': 'CC0-1.0',
  'CC0 1.0 Universal': 'CC0-1.0',
  'SIL Open Font 1.1': 'OFL-1.1',
  'SIL 1.1': 'OFL-1.1',
  'SIL OFL 1.1': 'OFL-1.1',
  'GFDL-NIV-1.3': 'GFDL-1.3-no-invariants-only',
  'GFDL-NIV-1.3+': 'GFDL-1.3-no-invariants-or-later',
  'GFDL-NIV-1.2': 'GFDL-1.2-no-invariants-only',
  'GFDL-NIV-1.2+': 'GFDL-1.2-no-invariants-or-later',
  'ASL 2.0': 'Apache-2.0',
  'ASL 2': 'Apache-2.0',
  ASF: 'Apache-2.0',
  'Apache Software Foundation 2.0': 'Apache-2.0',
  'Eclipse 1.0': 'EPL-1.0',
  'Eclipse 2.0': 'EPL-2.0',
  Boost: 'BSL-1.0',
  'The Unlicense': 'Unlicense',
  ISCL: 'ISC',
  Go: 'BSD-3-Clause',
  'WTFPL 2': 'WTFPL',
  'Do What The F*ck You Want To Public': 'WTFPL',
  'CDDL + GPLv2 with classpath exception': 'CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0',
});

/**
 * Long names rewritten to the short family they name, before versions are read:
 * `GNU Lesser General Public License v2.1` becomes `lgpl-2.1`.
 */
export const FAMILY_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['gnu-', ''],
  ['library-or-lesser-general-public', 'lgpl'],
  ['lesser-general-public', 'lgpl'],
  ['library-general-public', 'lgpl'],
  ['affero-general-public', 'agpl'],
  ['affero-gpl', 'agpl'],
  ['general-public', 'gpl'],
  ['free-documentation', 'gfdl'],
  ['mozilla-public', 'mpl'],
  ['eclipse-public', 'epl'],
  ['apache-software', 'apache'],
  ['academic-free', 'afl'],
  ['common-development-and-distribution', 'cddl'],
  ['boost-software', 'bsl'],
  ['european-union-public', 'eupl'],
  ['zope-public', 'zpl'],
  ['open-software', 'osl'],
  ['common-public', 'cpl'],
  ['universal-permissive', 'upl'],
];

/**
 * Names too vague for an id whose kind is still plain: a BSD license is a notice license
 * whichever of the variants it is, and any GPL is restrictive.
 */
export const FAMILY_CATEGORIES: Readonly<Record<string, LicenseCategory>> = familyTable({
  BSD: 'notice',
  'BSD-style': 'notice',
  'BSD-like': 'notice',
  MIT: 'notice',
  'MIT-style': 'notice',
  'MIT-like': 'notice',
  Apache: 'notice',
  AFL: 'notice',
  ZPL: 'notice',
  Unicode: 'notice',
  ISC: 'notice',
  GPL: 'restricted',
  LGPL: 'restricted',
  AGPL: 'forbidden',
  GFDL: 'restricted',
  EUPL: 'restricted',
  OSL: 'restricted',
  'CC-BY-SA': 'restricted',
  'CC-BY-ND': 'restricted',
  MPL: 'reciprocal',
  EPL: 'reciprocal',
  CDDL: 'reciprocal',
  CPL: 'reciprocal',
  'CC-BY': 'notice',
  'CC-BY-NC': 'forbidden',
  'CC-BY-NC-SA': 'forbidden',
  'CC-BY-NC-ND': 'forbidden',
  permissive: 'permissive',
  'all-permissive': 'permissive',
  'Permissive-FSF': 'permissive',
});

/** Words after `with` to the SPDX exception they name; `null` where SPDX has none. */
export const EXCEPTION_ALIASES: Readonly<Record<string, string | null>> = {
  openssl: null,
  bison: 'Bison-exception-2.2',
  libtool: 'Libtool-exception',
  texinfo: 'Texinfo-exception',
  'linux-syscall-note': 'Linux-syscall-note',
  'linux-syscall': 'Linux-syscall-note',
  'syscall-note': 'Linux-syscall-note',
  classpath: 'Classpath-exception-2.0',
  font: 'Font-exception-2.0',
  'ocaml-linking': 'OCaml-LGPL-linking-exception',
  'ocaml-lgpl-linking': 'OCaml-LGPL-linking-exception',
};

/**
 * The folded form names are looked up by. Parenthesised abbreviations are removed by the
 * caller first, so the folding itself never meets a bracket.
 */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/licen[cs]e[sd]?/g, ' ')
    .replace(/\b(?:the|version)\b/g, ' ')
    .replace(/[\s,]*\b(?:or|and)\s+(?:\(at your option\)\s+)?(?:any\s+)?(?:later|newer)\b/g, '+')
    .replace(/([a-z])v(\d)/g, '$1-$2')
    .replace(/\bv(?=\d)/g, '')
    .replace(/[\s,_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/-\+/g, '+')
    .replace(/^-|-$/g, '');
}

function aliasTable(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).map(([name, id]) => [nameKey(name), id]));
}

function familyTable(entries: Record<string, LicenseCategory>): Record<string, LicenseCategory> {
  return Object.fromEntries(Object.entries(entries).map(([name, c]) => [nameKey(name), c]));
}
