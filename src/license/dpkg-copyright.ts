import { decodeText, MiB } from '../catalog/cataloger.js';
import { parseStanzas } from '../catalog/control-fields.js';
import { errorMessage } from '../errors.js';
import type { Consumer, FileContext } from '../layer/types.js';
import { log } from '../log.js';

/**
 * Declared licenses of a dpkg package from `/usr/share/doc/<package>/copyright`.
 *
 * A machine-readable file (copyright format 1.0, "DEP-5") starts with a header paragraph
 * whose Format field names the spec; the first line of the License field of the header and
 * of each Files paragraph is the declaration. Stand-alone License paragraphs only hold
 * the text of a license a Files paragraph already named, so they declare nothing.
 *
 * A free-form file names licenses in prose. Debian policy 12.5 has it point at the texts in
 * /usr/share/common-licenses, so each such path is read as a declaration, with `+` when the
 * prose just before it grants "any later version". This is a heuristic: prose that points
 * at a license for some other reason (a library the package links to) is read the same way.
 */
export type CopyrightFormat = 'dep5' | 'free-form';

export interface CopyrightLicenses {
  package: string;
  format: CopyrightFormat;
  /** License declarations in file order, each once. */
  declarations: string[];
  /** The package's own license: the header's, else that of the `Files: *` paragraph. */
  main?: string;
}

const FORMAT = /copyright-format|dep-?5/i;
const COMMON_LICENSE = /\/usr\/share\/common-licenses\/([A-Za-z0-9][A-Za-z0-9.+-]{0,40})/g;
const LATER = /any later version|or later|or \(at your option\)/i;
/** How far back from a common-licenses path the "any later version" grant is looked for. */
const LOOK_BEHIND = 1200;

export function parseCopyright(text: string, packageName: string): CopyrightLicenses {
  const { stanzas } = parseStanzas(text);
  const header = stanzas[0];
  const format = header?.fields.get('format');
  if (!header || header.line !== firstContentLine(text) || !format || !FORMAT.test(format)) {
    const declarations = [...pastedLicenses(text), ...commonLicenses(text)];
    return { package: packageName, format: 'free-form', declarations: [...new Set(declarations)] };
  }

  const declarations: string[] = [];
  let main: string | undefined;
  for (const stanza of stanzas) {
    if (stanza !== header && !stanza.fields.has('files')) continue;

    const license = stanza.fields.get('license')?.split('\n')[0]?.trim();
    if (!license) continue;
    if (!declarations.includes(license)) declarations.push(license);
    if (!main && (stanza === header || stanza.fields.get('files')?.trim() === '*')) main = license;
  }

  const result: CopyrightLicenses = { package: packageName, format: 'dep5', declarations };
  if (main) result.main = main;
  return result;
}

function firstContentLine(text: string): number {
  const lines = text.split('\n', 200);
  const index = lines.findIndex((line) => line.trim() !== '');
  return index + 1;
}

/**
 * Licenses whose full text is pasted rather than pointed at, found by their title line.
 * Only titles that appear nowhere but at the head of their own text are listed.
 */
const PASTED_TITLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2/, 'PSF-2.0'],
  [/^\s*Apache License\s*\n\s*Version 2\.0, January 2004/m, 'Apache-2.0'],
];

function pastedLicenses(text: string): string[] {
  return PASTED_TITLES.filter(([title]) => title.test(text)).map(([, id]) => id);
}

function commonLicenses(text: string): string[] {
  const found: string[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(COMMON_LICENSE)) {
    const name = match[1]!.replace(/[.]+$/, '');
    const start = Math.max(previousEnd, match.index - LOOK_BEHIND);
    const later = !name.endsWith('+') && LATER.test(text.slice(start, match.index));
    previousEnd = match.index + match[0].length;

    const declared = later ? `${name}+` : name;
    if (!found.includes(declared)) found.push(declared);
  }
  return found;
}

/** The package a `usr/share/doc/<package>/copyright` path belongs to (policy 5.6.1 names). */
export function copyrightOwner(path: string): string | undefined {
  const match = /^usr\/share\/doc\/([a-z0-9][a-z0-9+.-]*)\/copyright$/.exec(path);
  return match?.[1];
}

export const COPYRIGHT_CONSUMER = 'license-dpkg-copyright';

/**
 * A layer-walk consumer for copyright files, for scans that want the format and the
 * per-paragraph declarations rather than the cataloger's merged list. A file that cannot
 * be read yields a value with no declarations and a problem, never a thrown walk.
 */
export interface CopyrightValue extends CopyrightLicenses {
  problem?: string;
}

export const copyrightConsumer: Consumer<CopyrightValue> = {
  name: COPYRIGHT_CONSUMER,
  version: 1,
  patterns: ['usr/share/doc/*/copyright'],
  maxFileSize: 4 * MiB,
  extract(bytes: Buffer, file: FileContext): CopyrightValue | undefined {
    const owner = copyrightOwner(file.entry.path);
    if (!owner) return undefined;

    try {
      return parseCopyright(decodeText(bytes), owner);
    } catch (err) {
      log().debug({ path: file.entry.path }, 'copyright file could not be read');
      return { package: owner, format: 'free-form', declarations: [], problem: errorMessage(err) };
    }
  },
};
