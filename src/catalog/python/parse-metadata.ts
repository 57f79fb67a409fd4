import { type CatalogValue, decodeText, type FoundPackage } from '../cataloger.js';
import { parseStanzas } from '../control-fields.js';

/**
 * Python core metadata (packaging.python.org "Core metadata specifications"): RFC 822
 * headers up to the first blank line, the body after it being the description. The same
 * format serves `*.dist-info/METADATA`, `*.egg-info/PKG-INFO` (or an `*.egg-info` file)
 * and `EGG-INFO/PKG-INFO` inside eggs.
 */
export function parsePythonMetadata(bytes: Buffer, path: string): CatalogValue {
  const { stanzas } = parseStanzas(decodeText(bytes), { stopAtBlank: true });
  const fields = stanzas[0];
  const name = fields?.fields.get('name');
  const version = fields?.fields.get('version');
  if (!fields || !name || !version) {
    return { packages: [], problems: [{ path, message: 'metadata lacks a Name or Version' }] };
  }

  const pkg: FoundPackage = { name, version, type: 'pypi', licenses: licensesOf(fields.repeated) };
  return { packages: [pkg], problems: [] };
}

/**
 * License-Expression (metadata 2.4) wins; otherwise License when it is short enough to be
 * a name rather than a pasted license text, and `License ::` classifiers.
 */
function licensesOf(repeated: Map<string, string[]>): string[] {
  const expression = repeated.get('license-expression')?.[0];
  if (expression) return [expression];

  const licenses: string[] = [];
  const license = repeated.get('license')?.[0]?.trim();
  if (license && license !== 'UNKNOWN' && !license.includes('\n') && license.length <= 100) {
    licenses.push(license);
  }

  for (const classifier of repeated.get('classifier') ?? []) {
    const parts = classifier.split('::').map((part) => part.trim());
    if (parts[0] !== 'License' || parts.length < 2) continue;

    const name = parts[parts.length - 1]!;
    if (!licenses.includes(name)) licenses.push(name);
  }
  return licenses;
}
