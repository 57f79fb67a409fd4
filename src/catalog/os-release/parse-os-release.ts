import { type CatalogValue, decodeText } from '../cataloger.js';
import type { Distro } from '../types.js';

/**
 * os-release(5): newline-separated KEY=value assignments in a subset of shell syntax, with
 * optional single or double quotes and backslash escapes inside double quotes.
 */
const ASSIGNMENT = /^([A-Z][A-Z0-9_]*)=(.*)$/;

export function parseOsRelease(bytes: Buffer, path: string): CatalogValue {
  const vars = parseAssignments(decodeText(bytes));
  const id = vars.get('ID')?.toLowerCase();
  if (!id) {
    return { packages: [], problems: [{ path, message: 'os-release has no ID field' }] };
  }

  const distro: Distro = { id };
  const versionId = vars.get('VERSION_ID');
  if (versionId) distro.versionId = versionId;

  const codename = vars.get('VERSION_CODENAME') ?? codenameFromVersion(vars.get('VERSION'));
  if (codename) distro.codename = codename;

  const prettyName = vars.get('PRETTY_NAME');
  if (prettyName) distro.prettyName = prettyName;

  const idLike = vars.get('ID_LIKE')?.toLowerCase().split(/\s+/).filter(Boolean);
  if (idLike && idLike.length > 0) distro.idLike = idLike;

  return { packages: [], problems: [], distro };
}

/** lsb-release: DISTRIB_ID, DISTRIB_RELEASE and DISTRIB_CODENAME in the same syntax. */
export function parseLsbRelease(bytes: Buffer, path: string): CatalogValue {
  const vars = parseAssignments(decodeText(bytes));
  const id = vars.get('DISTRIB_ID')?.toLowerCase();
  if (!id) {
    return { packages: [], problems: [{ path, message: 'lsb-release has no DISTRIB_ID field' }] };
  }

  const distro: Distro = { id };
  const release = vars.get('DISTRIB_RELEASE');
  if (release) distro.versionId = release;
  const codename = vars.get('DISTRIB_CODENAME');
  if (codename) distro.codename = codename;
  const description = vars.get('DISTRIB_DESCRIPTION');
  if (description) distro.prettyName = description;

  return { packages: [], problems: [], distro };
}

export function parseAssignments(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;

    const match = ASSIGNMENT.exec(line);
    if (!match) continue;
    vars.set(match[1]!, unquote(match[2]!));
  }
  return vars;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1);
  }
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\([\\$"`])/g, '$1');
  }
  return value;
}

/** Older releases put the codename only in VERSION, e.g. `9 (stretch)`. */
function codenameFromVersion(version: string | undefined): string | undefined {
  const match = version ? /\(([A-Za-z]+)[^)]*\)/.exec(version) : null;
  return match ? match[1]!.toLowerCase() : undefined;
}
