import { type CatalogValue, type FoundPackage, MiB } from '../cataloger.js';
import { bundleLicenses, pomLicenses } from './parse-licenses.js';
import { parseManifest, parseProperties } from './parse-manifest.js';
import { type InflateBudget, listEntries, readEntry, type ZipEntry } from './zip.js';

/**
 * Java archives (jar, war, ear): Maven coordinates from every
 * `META-INF/maven/<group>/<artifact>/pom.properties`, else name and version from
 * `META-INF/MANIFEST.MF`, else from the file name. Archives nested inside (WEB-INF/lib,
 * BOOT-INF/lib, an ear's modules) are read the same way, to a bounded depth and within one
 * inflate budget for the whole file, so a zip bomb costs a problem, not the process.
 */
export const MAX_NESTING = 3;
export const INFLATE_BUDGET = 512 * MiB;

const POM = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
const NESTED = /\.(?:jar|war|ear|jpi|hpi)$/i;

export function parseJavaArchive(
  bytes: Buffer,
  path: string,
  inflateBudget = INFLATE_BUDGET,
): CatalogValue {
  const value: CatalogValue = { packages: [], problems: [] };
  const budget: InflateBudget = { remaining: inflateBudget };
  readArchive(bytes, { path, chain: [], depth: 0, budget, value });
  return value;
}

interface Walk {
  path: string;
  /** Member names from the outer file down to this archive. */
  chain: string[];
  depth: number;
  budget: InflateBudget;
  value: CatalogValue;
}

function readArchive(zip: Buffer, walk: Walk): void {
  let entries: ZipEntry[];
  try {
    entries = listEntries(zip);
  } catch (err) {
    report(walk, (err as Error).message);
    return;
  }

  const found = packagesOf(zip, entries, walk);
  for (const pkg of found) {
    if (walk.chain.length > 0)
      pkg.metadata = { ...pkg.metadata, archivePath: walk.chain.join('!') };
    walk.value.packages.push(pkg);
  }

  if (walk.depth >= MAX_NESTING) return;
  for (const entry of entries) {
    if (!NESTED.test(entry.name)) continue;
    const inner = readMember(zip, entry, walk);
    if (!inner) continue;
    readArchive(inner, { ...walk, chain: [...walk.chain, entry.name], depth: walk.depth + 1 });
  }
}

function packagesOf(zip: Buffer, entries: ZipEntry[], walk: Walk): FoundPackage[] {
  const manifestEntry = entries.find((entry) => entry.name === 'META-INF/MANIFEST.MF');
  const manifestBytes = manifestEntry ? readMember(zip, manifestEntry, walk) : undefined;
  const manifest = manifestBytes ? parseManifest(manifestBytes.toString('utf8')) : new Map();
  const bundle = bundleLicenses(manifest.get('Bundle-License'));

  const poms: FoundPackage[] = [];
  for (const entry of entries) {
    if (!POM.test(entry.name)) continue;
    const pkg = fromPom(readMember(zip, entry, walk));
    if (!pkg) continue;
    pkg.licenses = pomXmlLicenses(zip, entries, entry.name, walk);
    poms.push(pkg);
  }
  // A manifest speaks for the archive, so it names the license only of a single-POM jar.
  if (poms.length === 1 && poms[0]!.licenses.length === 0) poms[0]!.licenses = bundle;
  if (poms.length > 0) return poms;

  const pkg = fromManifest(manifest, walk.chain.at(-1) ?? walk.path);
  if (pkg) pkg.licenses = bundle;
  return pkg ? [pkg] : [];
}

/** The pom.xml beside a pom.properties, when the archive carries one. */
function pomXmlLicenses(
  zip: Buffer,
  entries: ZipEntry[],
  properties: string,
  walk: Walk,
): string[] {
  const name = properties.replace(/pom\.properties$/, 'pom.xml');
  const entry = entries.find((e) => e.name === name);
  const bytes = entry ? readMember(zip, entry, walk) : undefined;
  return bytes ? pomLicenses(bytes.toString('utf8')) : [];
}

function readMember(zip: Buffer, entry: ZipEntry, walk: Walk): Buffer | undefined {
  try {
    return readEntry(zip, entry, walk.budget);
  } catch (err) {
    report(walk, (err as Error).message);
    return undefined;
  }
}

function fromPom(bytes: Buffer | undefined): FoundPackage | undefined {
  if (!bytes) return undefined;
  const props = parseProperties(bytes.toString('utf8'));
  const groupId = props.get('groupId');
  const artifactId = props.get('artifactId');
  const version = props.get('version');
  if (!groupId || !artifactId || !version) return undefined;

  return { name: artifactId, version, type: 'maven', licenses: [], metadata: { groupId } };
}

function fromManifest(main: Map<string, string>, archiveName: string): FoundPackage | undefined {
  const fromFile = nameFromFile(archiveName);

  const name =
    main.get('Implementation-Title') ??
    main.get('Bundle-SymbolicName')?.split(';')[0]?.trim() ??
    fromFile?.name;
  const version =
    main.get('Implementation-Version') ??
    main.get('Bundle-Version') ??
    main.get('Specification-Version') ??
    fromFile?.version;
  if (!name || !version) return undefined;

  const pkg: FoundPackage = { name, version, type: 'maven', licenses: [] };
  const vendor = main.get('Implementation-Vendor-Id');
  if (vendor) pkg.metadata = { groupId: vendor };
  return pkg;
}

/** `commons-lang3-3.12.0.jar` -> commons-lang3 3.12.0: the version starts at `-<digit>`. */
export function nameFromFile(path: string): { name: string; version: string } | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(NESTED, '');
  const match = /^(.+?)-(\d[^/]*)$/.exec(base);
  return match ? { name: match[1]!, version: match[2]! } : undefined;
}

function report(walk: Walk, message: string): void {
  const where = walk.chain.length > 0 ? ` (in ${walk.chain.join('!')})` : '';
  walk.value.problems.push({ path: walk.path, message: `${message}${where}` });
}
