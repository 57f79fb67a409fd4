import { type CatalogValue, decodeText } from '../cataloger.js';
import type { Distro } from '../types.js';

/**
 * The one-line release files distributions wrote before os-release existed. They only
 * count when no os-release file is present; the assembly applies that precedence.
 */
export function parseDebianVersion(bytes: Buffer, path: string): CatalogValue {
  const text = decodeText(bytes).trim();
  if (text === '') return noDistro(path, 'debian_version is empty');

  // Testing and unstable write a codename such as `trixie/sid` instead of a number.
  const numeric = /^(\d+)(?:\.\d+)*$/.exec(text);
  if (numeric) return withDistro({ id: 'debian', versionId: numeric[1]! });
  const codename = /^([a-z]+)\//.exec(text);
  if (codename) return withDistro({ id: 'debian', codename: codename[1]! });
  return noDistro(path, 'debian_version is neither a number nor a codename');
}

export function parseAlpineRelease(bytes: Buffer, path: string): CatalogValue {
  const text = decodeText(bytes).trim();
  if (!/^\d+(?:\.\d+)*(?:_\w+)?$/.test(text)) {
    return noDistro(path, 'alpine-release does not hold a version');
  }
  return withDistro({ id: 'alpine', versionId: text });
}

const REDHAT_NAMES: [RegExp, string][] = [
  [/^red hat enterprise linux/i, 'rhel'],
  [/^centos stream/i, 'centos'],
  [/^centos/i, 'centos'],
  [/^rocky/i, 'rocky'],
  [/^almalinux/i, 'almalinux'],
  [/^fedora/i, 'fedora'],
  [/^oracle linux/i, 'ol'],
  [/^amazon linux/i, 'amzn'],
];

/** e.g. `Red Hat Enterprise Linux release 8.9 (Ootpa)`, `CentOS Linux release 7.9.2009 (Core)`. */
export function parseRedhatRelease(bytes: Buffer, path: string): CatalogValue {
  const text = decodeText(bytes).split(/\r?\n/)[0]?.trim() ?? '';
  const entry = REDHAT_NAMES.find(([pattern]) => pattern.test(text));
  if (!entry) return noDistro(path, 'redhat-release names no known distribution');

  const distro: Distro = { id: entry[1], prettyName: text };
  const version = /release\s+(\d+(?:\.\d+)*)/i.exec(text);
  if (version) distro.versionId = version[1]!;
  return withDistro(distro);
}

function withDistro(distro: Distro): CatalogValue {
  return { packages: [], problems: [], distro };
}

function noDistro(path: string, message: string): CatalogValue {
  return { packages: [], problems: [{ path, message }] };
}
