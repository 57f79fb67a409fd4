import type { CatalogProblem, Distro, Package } from '../../catalog/types.js';
import { DrydockError } from '../../errors.js';
import { sortInventory } from '../canonical.js';
import { describeIssues } from '../cyclonedx/schema.js';
import { readDistro, readProblems, readTarget } from '../document-properties.js';
import type { Property } from '../properties.js';
import { distroFromPackages } from '../purl.js';
import { readPackage } from '../read-package.js';
import type { SbomReadResult, Target } from '../types.js';
import {
  annotationSchema,
  documentSchema,
  externalRefSchema,
  packageSchema,
  relationshipSchema,
  type SpdxDocumentIn,
  type SpdxPackageIn,
} from './schema.js';

/**
 * Reads an SPDX 2.2 or 2.3 JSON document back into an inventory. The described package is
 * the target, an OPERATING_SYSTEM package the distro, every other package with a purl (or
 * a known ecosystem) an inventory package.
 */
const CATALOGER = 'sbom-spdx';
const OS_PURPOSES = new Set(['OPERATING_SYSTEM', 'OPERATING-SYSTEM']);
const CONTEXT_PURPOSES = new Set(['CONTAINER', 'FILE', 'SOURCE']);

export function readSpdx(raw: unknown, path: string): SbomReadResult {
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    const why = describeIssues(parsed.error);
    throw new DrydockError('SBOM_INVALID', `invalid spdx document ${path}: ${why}`);
  }

  const doc = parsed.data;
  const problems: CatalogProblem[] = [];
  const report = (message: string) => problems.push({ cataloger: CATALOGER, path, message });
  const elements = readElements(doc, report);
  const describedIds = described(doc, report);

  const subject = elements.find((e) => describedIds.has(e.pkg.SPDXID));
  const os = elements.find((e) => OS_PURPOSES.has(e.pkg.primaryPackagePurpose ?? ''));
  let distro = os === undefined ? undefined : osDistro(os.pkg, os.props);
  const rest = elements.filter((e) => e !== subject && e !== os);
  const packages = readPackages(rest, doc, distro, report);
  distro ??= distroFromPackages(packages);

  const docProps = annotationProperties(doc.annotations, 'annotations', report);
  const inventory = sortInventory({
    ...(distro !== undefined ? { distro } : {}),
    packages,
    problems: [...readProblems(docProps), ...problems],
  });
  const result: SbomReadResult = { kind: 'spdx', specVersion: doc.spdxVersion, inventory };
  if (subject !== undefined) result.target = subjectTarget(subject.pkg, subject.props);
  return result;
}

interface Element {
  pkg: SpdxPackageIn;
  props: Property[];
  where: string;
}

function readElements(doc: SpdxDocumentIn, report: (m: string) => void): Element[] {
  const out: Element[] = [];
  (doc.packages ?? []).forEach((raw, i) => {
    const where = `packages[${i}]`;
    const parsed = packageSchema.safeParse(raw);
    if (!parsed.success) {
      report(`${where}: unreadable package: ${describeIssues(parsed.error)}`);
      return;
    }
    const props = annotationProperties(parsed.data.annotations, where, report);
    out.push({ pkg: parsed.data, props, where });
  });
  return out;
}

/** SPDX 2.3 names the subject with DESCRIBES relationships; 2.2 with documentDescribes. */
function described(doc: SpdxDocumentIn, report: (m: string) => void): Set<string> {
  const ids = new Set(doc.documentDescribes ?? []);
  (doc.relationships ?? []).forEach((raw, i) => {
    const parsed = relationshipSchema.safeParse(raw);
    if (!parsed.success) {
      report(`relationships[${i}]: unreadable relationship`);
      return;
    }
    const r = parsed.data;
    if (r.spdxElementId === doc.SPDXID && r.relationshipType === 'DESCRIBES') {
      ids.add(r.relatedSpdxElement);
    }
  });
  return ids;
}

/**
 * drydock writes `drydock:name: value`; Trivy writes `Key: value` under its own annotator,
 * read here under the property names its CycloneDX output uses.
 */
function annotationProperties(
  list: unknown[] | undefined,
  where: string,
  report: (m: string) => void,
) {
  const props: Property[] = [];
  (list ?? []).forEach((raw, i) => {
    const parsed = annotationSchema.safeParse(raw);
    if (!parsed.success) {
      report(`${where}.annotations[${i}]: unreadable annotation`);
      return;
    }
    const { comment, annotator } = parsed.data;
    const cut = comment.indexOf(': ');
    if (cut <= 0) return;

    const name = comment.slice(0, cut);
    const value = comment.slice(cut + 2);
    if (name.startsWith('drydock:')) props.push({ name, value });
    else if (/^Tool: trivy/.test(annotator ?? '')) {
      props.push({ name: `aquasecurity:trivy:${name}`, value });
    }
  });
  return props;
}

function readPackages(
  elements: Element[],
  doc: SpdxDocumentIn,
  distro: Distro | undefined,
  report: (m: string) => void,
): Package[] {
  const packages: Package[] = [];
  for (const { pkg, props, where } of elements) {
    const purl = purlOf(pkg, where, report);
    // An image or directory listed beside its contents is context, not a package.
    if (purl === undefined && CONTEXT_PURPOSES.has(pkg.primaryPackagePurpose ?? '')) continue;

    const result = readPackage(
      {
        name: pkg.name,
        version: pkg.versionInfo ?? '',
        licenses: declaredLicenses(pkg.licenseDeclared, doc),
        properties: props,
        paths: [],
        ...(purl !== undefined ? { purl } : {}),
      },
      distro,
    );
    if ('error' in result) {
      report(`${where}: ${result.error}`);
      continue;
    }
    for (const warning of result.warnings) report(`${where}: ${warning}`);
    packages.push(result.pkg);
  }
  return packages;
}

function purlOf(pkg: SpdxPackageIn, where: string, report: (m: string) => void) {
  for (const [i, raw] of (pkg.externalRefs ?? []).entries()) {
    const parsed = externalRefSchema.safeParse(raw);
    if (!parsed.success) report(`${where}.externalRefs[${i}]: unreadable external reference`);
    else if (parsed.data.referenceType === 'purl') return parsed.data.referenceLocator;
  }
  return undefined;
}

/**
 * Another tool's licenseDeclared is kept as the one expression it is; a lone `LicenseRef-`
 * is replaced by the text the document extracted for it, which is what the package said.
 */
function declaredLicenses(declared: string | undefined, doc: SpdxDocumentIn): string[] {
  if (declared === undefined || declared === 'NOASSERTION' || declared === 'NONE') return [];

  const extracted = doc.hasExtractedLicensingInfos?.find((info) => info.licenseId === declared);
  return [extracted?.extractedText ?? declared];
}

function osDistro(pkg: SpdxPackageIn, props: Property[]): Distro {
  const own = readDistro(props);
  if (own !== undefined) return own;

  const distro: Distro = { id: pkg.name.toLowerCase() };
  if (pkg.versionInfo) distro.versionId = pkg.versionInfo;
  return distro;
}

function subjectTarget(pkg: SpdxPackageIn, props: Property[]): Target {
  const kind = pkg.primaryPackagePurpose === 'CONTAINER' ? 'image' : 'filesystem';
  const fallback: Omit<Target, 'name'> = { kind };
  if (/^sha256:[0-9a-f]{64}$/.test(pkg.versionInfo ?? '')) fallback.digest = pkg.versionInfo!;
  return readTarget(pkg.name, props, fallback);
}
