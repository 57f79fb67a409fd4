import type { Distro, Inventory, Package } from '../../catalog/types.js';
import { isoSeconds, packageRefs, sha256Hex, sortInventory, stableUuid } from '../canonical.js';
import { distroProperties, problemProperties, targetProperties } from '../document-properties.js';
import { SpdxLicenseRefs } from '../licenses.js';
import { type Property, packageProperties } from '../properties.js';
import type { RenderOptions, Target } from '../types.js';

/**
 * SPDX 2.3 JSON. What SPDX has no field for travels in annotations whose comment reads
 * `drydock:name: value`, the same pairs CycloneDX carries as properties. The document
 * DESCRIBES the target, which CONTAINS the distro and the packages (SPDX 2.3 clause 11).
 */
interface SpdxAnnotation {
  annotationDate: string;
  annotationType: 'OTHER';
  annotator: string;
  comment: string;
}

interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: 'NOASSERTION';
  filesAnalyzed: false;
  checksums?: { algorithm: 'SHA256'; checksumValue: string }[];
  sourceInfo?: string;
  licenseConcluded: 'NOASSERTION';
  licenseDeclared: string;
  copyrightText: 'NOASSERTION';
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
  primaryPackagePurpose: string;
  annotations?: SpdxAnnotation[];
}

interface Relationship {
  spdxElementId: string;
  relationshipType: 'DESCRIBES' | 'CONTAINS';
  relatedSpdxElement: string;
}

export const TARGET_ID = 'SPDXRef-DocumentRoot';
export const OS_ID = 'SPDXRef-OperatingSystem';

export function renderSpdx(inv: Inventory, target: Target, options: RenderOptions): string {
  const inventory = sortInventory(inv);
  const created = isoSeconds(options.timestamp);
  const note = annotator(options, created);
  const licenseRefs = new SpdxLicenseRefs();
  const files = options.includeFiles ?? true;

  const refs = packageRefs(inventory.packages);
  const ids = refs.map((ref, i) => packageId(inventory.packages[i]!, ref));
  const packages = inventory.packages.map((pkg, i) => {
    const props = packageProperties(pkg, { files, licenses: true });
    return packageElement(pkg, ids[i]!, licenseRefs.declared(pkg.licenses), note(props));
  });
  const os = inventory.distro === undefined ? [] : [osElement(inventory.distro, note)];

  const extracted = licenseRefs.extracted();
  const problems = note(problemProperties(inventory.problems));
  const doc = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: target.name,
    documentNamespace: '',
    creationInfo: { created, creators: [`Tool: drydock-${options.toolVersion}`] },
    packages: [targetElement(target, note), ...os, ...packages],
    ...(extracted.length > 0 ? { hasExtractedLicensingInfos: extracted } : {}),
    relationships: relationships(inventory, ids),
    ...(problems.length > 0 ? { annotations: problems } : {}),
  };

  const slug = target.name.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 100);
  const uuid = stableUuid(JSON.stringify(doc));
  doc.documentNamespace = `https://spdx.org/spdxdocs/drydock-${slug}-${uuid}`;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function annotator(options: RenderOptions, date: string) {
  const who = `Tool: drydock-${options.toolVersion}`;
  return (props: Property[]): SpdxAnnotation[] =>
    props.map((p) => ({
      annotationDate: date,
      annotationType: 'OTHER',
      annotator: who,
      comment: `${p.name}: ${p.value}`,
    }));
}

/** SPDX ids allow only letters, digits, `.` and `-`; the hash keeps them unique. */
function packageId(pkg: Package, ref: string): string {
  const slug = `${pkg.type}-${pkg.name}`.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 80);
  return `SPDXRef-Package-${slug}-${sha256Hex(ref).slice(0, 16)}`;
}

function packageElement(
  pkg: Package,
  id: string,
  declared: string,
  annotations: SpdxAnnotation[],
): SpdxPackage {
  const element = base(id, pkg.name, pkg.version || undefined, 'LIBRARY');
  element.licenseDeclared = declared;
  if (pkg.source !== undefined) {
    element.sourceInfo = `built from source package ${pkg.source.name} ${pkg.source.version}`;
  }
  if (pkg.purl !== '') {
    element.externalRefs = [
      { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl },
    ];
  }
  element.annotations = annotations;
  return element;
}

function base(id: string, name: string, version: string | undefined, purpose: string) {
  const element: SpdxPackage = {
    SPDXID: id,
    name,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    primaryPackagePurpose: purpose,
  };
  if (version !== undefined) element.versionInfo = version;
  return element;
}

/** The JSON schema spells the purpose OPERATING_SYSTEM; the spec's prose, OPERATING-SYSTEM. */
function osElement(distro: Distro, note: (p: Property[]) => SpdxAnnotation[]): SpdxPackage {
  const element = base(OS_ID, distro.id, distro.versionId, 'OPERATING_SYSTEM');
  element.annotations = note(distroProperties(distro));
  return element;
}

function targetElement(target: Target, note: (p: Property[]) => SpdxAnnotation[]): SpdxPackage {
  const purpose = target.kind === 'image' ? 'CONTAINER' : 'FILE';
  const element = base(TARGET_ID, target.name, target.digest, purpose);

  const sha = /^sha256:([0-9a-f]{64})$/.exec(target.digest ?? '');
  if (sha !== null) element.checksums = [{ algorithm: 'SHA256', checksumValue: sha[1]! }];
  element.annotations = note(targetProperties(target));
  return element;
}

/** An OS package that owns a language package's files CONTAINS it, as a file-list overlap. */
function relationships(inventory: Inventory, ids: string[]): Relationship[] {
  const rel = (from: string, type: Relationship['relationshipType'], to: string) => ({
    spdxElementId: from,
    relationshipType: type,
    relatedSpdxElement: to,
  });
  const out: Relationship[] = [rel('SPDXRef-DOCUMENT', 'DESCRIBES', TARGET_ID)];
  if (inventory.distro !== undefined) out.push(rel(TARGET_ID, 'CONTAINS', OS_ID));

  const idOf = new Map<string, string>();
  inventory.packages.forEach((pkg, i) => {
    idOf.set(`${pkg.type}\u0000${pkg.name}\u0000${pkg.version}`, ids[i]!);
    out.push(rel(TARGET_ID, 'CONTAINS', ids[i]!));
  });
  inventory.packages.forEach((pkg, i) => {
    const owner = pkg.ownedBy;
    const ownerId = owner && idOf.get(`${owner.type}\u0000${owner.name}\u0000${owner.version}`);
    if (ownerId !== undefined) out.push(rel(ownerId, 'CONTAINS', ids[i]!));
  });
  return out;
}
