import { PackageURL } from 'packageurl-js';
import { type Distro, OS_PACKAGE_TYPES, type Package, type PackageType } from '../catalog/types.js';
import { isPackageType } from './properties.js';

/**
 * What a purl tells a reader that has nothing else: the ecosystem, the distro and, for OS
 * packages, the architecture, epoch and source package. Qualifier names follow the purl
 * spec's type definitions (deb, rpm, apk: `arch`, `distro`, `epoch`; `upstream` as the
 * established scanners write the source package).
 */
export interface PurlFacts {
  type?: PackageType;
  /** The purl type as written, for messages about types drydock does not model. */
  rawType: string;
  namespace?: string;
  name: string;
  version?: string;
  arch?: string;
  epoch?: number;
  distro?: Distro;
  upstream?: { name: string; version?: string };
}

export function parsePurl(purl: string): PurlFacts | { error: string } {
  let parsed: PackageURL;
  try {
    parsed = PackageURL.fromString(purl);
  } catch (err) {
    return { error: `invalid purl ${JSON.stringify(purl.slice(0, 200))}: ${String(err)}` };
  }

  const q = parsed.qualifiers ?? {};
  const facts: PurlFacts = { rawType: parsed.type, name: parsed.name };
  if (isPackageType(parsed.type)) facts.type = parsed.type;
  if (parsed.namespace) facts.namespace = parsed.namespace;
  if (parsed.version) facts.version = parsed.version;
  if (q.arch) facts.arch = q.arch;
  if (q.epoch && /^\d{1,9}$/.test(q.epoch)) facts.epoch = Number(q.epoch);

  const distro = parseDistroQualifier(q.distro, parsed.namespace);
  if (distro !== undefined) facts.distro = distro;
  if (q.upstream) facts.upstream = parseUpstream(q.upstream);
  return facts;
}

/**
 * `distro=debian-12`, `distro=ubuntu-22.04`, `distro=opensuse-leap-15.5`: the id is what
 * precedes the last dash that is followed by a digit. A bare version (`distro=3.19.1`) or
 * codename (`distro=bookworm`), as some writers use, takes its id from the namespace.
 */
export function parseDistroQualifier(
  value: string | undefined,
  namespace: string | undefined,
): Distro | undefined {
  if (!value) return undefined;

  const match = /^(.+)-(\d[\w.+~-]*)$/.exec(value);
  if (match !== null) return { id: match[1]!.toLowerCase(), versionId: match[2]! };
  if (/^\d/.test(value) && namespace) return { id: namespace.toLowerCase(), versionId: value };
  if (namespace) return { id: namespace.toLowerCase(), codename: value };
  return { id: value.toLowerCase() };
}

/** `glibc`, `glibc@2.36-9`, or an rpm source file name such as `bash-5.1.8-6.el9.src.rpm`. */
function parseUpstream(value: string): { name: string; version?: string } {
  const at = value.lastIndexOf('@');
  if (at > 0) return { name: value.slice(0, at), version: value.slice(at + 1) };

  const srpm = /^(.+)-([^-]+-[^-]+)\.src\.rpm$/.exec(value);
  if (srpm !== null) return { name: srpm[1]!, version: srpm[2]! };
  return { name: value };
}

/** The purl qualifier form of a distro: `debian-12`, or the id alone without a version. */
export function distroQualifier(distro: Distro): string {
  return distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
}

/**
 * A purl for a component that came without one but whose ecosystem is known from another
 * tool's properties. OS packages take the distro id as namespace, as the purl spec's deb,
 * rpm and apk definitions require.
 */
export function buildPurl(
  type: PackageType,
  name: string,
  version: string,
  distro: Distro | undefined,
): string {
  const os = type === 'deb' || type === 'rpm' || type === 'apk';
  let namespace: string | undefined;
  let bare = name;

  if (os) namespace = distro?.id ?? type;
  else if (name.includes('/') && type !== 'pypi') {
    namespace = name.slice(0, name.lastIndexOf('/'));
    bare = name.slice(name.lastIndexOf('/') + 1);
  }

  const qualifiers = os && distro ? { distro: distroQualifier(distro) } : undefined;
  return new PackageURL(type, namespace, bare, version || undefined, qualifiers).toString();
}

/** The distro named by the OS packages' purls, for documents with no OS component. */
export function distroFromPackages(packages: readonly Package[]): Distro | undefined {
  for (const pkg of packages) {
    if (!OS_PACKAGE_TYPES.has(pkg.type) || pkg.purl === '') continue;

    const facts = parsePurl(pkg.purl);
    if (!('error' in facts) && facts.distro !== undefined) return facts.distro;
  }
  return undefined;
}
