import { type CatalogValue, decodeText } from '../cataloger.js';
import { parseStanzas } from '../control-fields.js';

/**
 * Declared licenses from `/usr/share/doc/<package>/copyright`. In the machine-readable
 * format (DEP-5) the first line of each License field is the short name. Free-form files
 * name no field, but Debian policy 12.5 has them point at the license texts shipped in
 * `/usr/share/common-licenses/<name>`, so those references are the declared licenses.
 */
const COMMON_LICENSE = /\/usr\/share\/common-licenses\/([A-Za-z0-9][A-Za-z0-9.+-]*[A-Za-z0-9+])/g;
export function parseDpkgCopyright(bytes: Buffer, path: string): CatalogValue {
  const parts = path.split('/');
  const owner = parts[parts.length - 2];
  if (!owner) return { packages: [], problems: [] };

  const { stanzas } = parseStanzas(decodeText(bytes));
  const licenses: string[] = [];
  for (const stanza of stanzas) {
    for (const value of stanza.repeated.get('license') ?? []) {
      const short = value.split('\n')[0]!.trim();
      if (short !== '' && !licenses.includes(short)) licenses.push(short);
    }
  }

  if (licenses.length === 0) licenses.push(...commonLicenses(bytes.toString('utf8')));
  if (licenses.length === 0) return { packages: [], problems: [] };
  return { packages: [], problems: [], facts: [{ package: owner, licenses }] };
}

function commonLicenses(text: string): string[] {
  return [...new Set([...text.matchAll(COMMON_LICENSE)].map((match) => match[1]!))];
}
