import { PackageURL } from 'packageurl-js';
import type { FoundPackage } from './cataloger.js';
import type { Distro } from './types.js';

/**
 * Package URLs per the purl spec's PURL-TYPES. OS packages are namespaced by the distro
 * and qualified with `distro=<id>-<version>` and `arch`. Epochs follow each type's rule:
 * rpm carries it as the `epoch` qualifier with the version left bare, while deb keeps it in
 * the version (`1:2.4.47-2`), as the deb type's examples show. A distro without a version
 * (Debian testing) is named by its id alone. packageurl-js applies the
 * per-type name normalisation (pypi lower case and dashes, composer lower case).
 */
export function purlFor(pkg: FoundPackage, distro?: Distro): string {
  const { namespace, name } = splitName(pkg);
  const qualifiers = qualifiersFor(pkg, distro);
  const version = versionFor(pkg);
  const os = pkg.type === 'deb' || pkg.type === 'rpm' || pkg.type === 'apk';
  const ns = os ? osNamespace(pkg, distro) : namespace;
  try {
    return new PackageURL(pkg.type, ns, name, version, qualifiers, undefined).toString();
  } catch {
    // Names the library refuses (empty segments, odd characters) must not end the scan;
    // a purl of percent-encoded parts still identifies the package.
    const path = [ns, name]
      .filter(Boolean)
      .map((part) => encodeURIComponent(part!))
      .join('/');
    return `pkg:${pkg.type}/${path}${version ? `@${encodeURIComponent(version)}` : ''}`;
  }
}

function splitName(pkg: FoundPackage): { namespace?: string; name: string } {
  switch (pkg.type) {
    case 'npm':
    case 'golang':
    case 'composer': {
      const slash = pkg.name.lastIndexOf('/');
      if (slash <= 0) return { name: pkg.name };
      return { namespace: pkg.name.slice(0, slash), name: pkg.name.slice(slash + 1) };
    }
    case 'maven':
      // The maven type requires a namespace. An archive that names no group gets its
      // artifact name, the group many single-artifact projects use (junit/junit).
      return { namespace: pkg.metadata?.groupId ?? pkg.name, name: pkg.name };
    default:
      return { name: pkg.name };
  }
}

function versionFor(pkg: FoundPackage): string | undefined {
  if (pkg.version === '' || pkg.version === '(devel)') return undefined;
  if (pkg.type === 'rpm' && pkg.epoch !== undefined) return pkg.version.replace(/^\d+:/, '');
  return pkg.version;
}

function osNamespace(pkg: FoundPackage, distro?: Distro): string {
  if (distro) return distro.id;
  if (pkg.type === 'deb') return 'debian';
  if (pkg.type === 'apk') return 'alpine';
  return 'rpm';
}

function qualifiersFor(pkg: FoundPackage, distro?: Distro): Record<string, string> | undefined {
  if (pkg.type !== 'deb' && pkg.type !== 'rpm' && pkg.type !== 'apk') return undefined;

  const qualifiers: Record<string, string> = {};
  if (pkg.arch) qualifiers.arch = pkg.arch;
  if (distro) qualifiers.distro = distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
  if (pkg.type === 'rpm' && pkg.epoch !== undefined) qualifiers.epoch = String(pkg.epoch);
  const upstream = upstreamOf(pkg);
  if (upstream) qualifiers.upstream = upstream;
  return Object.keys(qualifiers).length > 0 ? qualifiers : undefined;
}

/**
 * The source package as the established scanners write it in `upstream`: the name alone
 * when it is built from the same version, `name@version` when the versions differ, and
 * nothing when the package is its own source.
 */
function upstreamOf(pkg: FoundPackage): string | undefined {
  const source = pkg.source;
  if (!source) return undefined;

  const bare = pkg.version.replace(/^\d+:/, '');
  const sameVersion = source.version === pkg.version || source.version === bare;
  if (sameVersion) return source.name === pkg.name ? undefined : source.name;
  return `${source.name}@${source.version}`;
}
