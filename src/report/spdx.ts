import type { ScanResult, VulnerabilityFinding } from '../findings/types.js';
import { stableUuid } from '../sbom/canonical.js';
import { renderSpdx, TARGET_ID } from '../sbom/spdx/write.js';
import { advisoryFor } from './advisory.js';
import { normaliseResult } from './model.js';
import type { ReportOptions } from './types.js';

/**
 * `--format spdx-json`: the SPDX 2.3 SBOM plus what the scan found. SPDX 2.3 has no
 * vulnerability element, so each finding becomes a SECURITY `advisory` external reference
 * on the affected package (SPDX 2.3 annex F) and an annotation whose comment reads
 * `drydock:vulnerability:ID: {json}` with the facts the reference cannot hold. Findings whose
 * package is not in the inventory are annotated on the document's subject.
 */
interface ExternalRef {
  referenceCategory: string;
  referenceType: string;
  referenceLocator: string;
  comment?: string;
}

interface Annotation {
  annotationDate: string;
  annotationType: 'OTHER' | 'REVIEW';
  annotator: string;
  comment: string;
}

interface Element {
  SPDXID: string;
  externalRefs?: ExternalRef[];
  annotations?: Annotation[];
}

interface Document {
  documentNamespace: string;
  packages: Element[];
}

export function renderSpdxReport(input: ScanResult, options: ReportOptions): string {
  const result = normaliseResult(input, options);
  const text = renderSpdx(result.inventory, result.target, {
    timestamp: result.createdAt,
    toolVersion: result.generator.version,
    includeFiles: false,
  });
  const doc = JSON.parse(text) as Document;
  const find = elementFinder(doc);
  const note = (comment: string): Annotation => ({
    annotationDate: result.createdAt,
    annotationType: 'OTHER',
    annotator: `Tool: drydock-${result.generator.version}`,
    comment,
  });

  for (const v of result.vulnerabilities) {
    for (const element of find(v.package.purl)) {
      if (element.externalRefs === undefined) element.externalRefs = [];
      element.externalRefs.push(advisoryRef(v));
      annotate(element, note(`drydock:vulnerability:${v.id}: ${facts(v)}`));
    }
  }
  for (const u of result.unevaluated) {
    for (const element of find(u.package.purl)) {
      annotate(element, note(`drydock:unevaluated:${u.advisory}: ${u.reason}`));
    }
  }

  const namespace = doc.documentNamespace.replace(/[0-9a-f-]{36}$/, '');
  doc.documentNamespace = '';
  doc.documentNamespace = namespace + stableUuid(JSON.stringify(doc));
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function annotate(element: Element, annotation: Annotation): void {
  if (element.annotations === undefined) element.annotations = [];
  element.annotations.push(annotation);
}

/** Package elements by the purl the SBOM writer put in their PACKAGE-MANAGER reference. */
function elementFinder(doc: Document): (purl: string) => Element[] {
  const byPurl = new Map<string, Element[]>();
  for (const element of doc.packages) {
    const purl = element.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;
    if (purl === undefined) continue;
    byPurl.set(purl, [...(byPurl.get(purl) ?? []), element]);
  }
  const subject = doc.packages.filter((e) => e.SPDXID === TARGET_ID);
  return (purl) => byPurl.get(purl) ?? subject;
}

function advisoryRef(v: VulnerabilityFinding): ExternalRef {
  const ids = [v.id, ...v.aliases].join(', ');
  const state = v.suppressed === undefined ? v.severity.level : `${v.severity.level}, suppressed`;
  return {
    referenceCategory: 'SECURITY',
    referenceType: 'advisory',
    referenceLocator: advisoryFor(v.id),
    comment: `${ids} (${state})`,
  };
}

function facts(v: VulnerabilityFinding): string {
  return JSON.stringify({
    aliases: v.aliases,
    severity: v.severity,
    status: v.status,
    installedVersion: v.installedVersion,
    fixedVersions: v.fixedVersions,
    cvss: v.cvss,
    kev: v.kev,
    ...(v.epss !== undefined ? { epss: v.epss } : {}),
    priority: v.priority,
    ...(v.suppressed !== undefined ? { suppressed: v.suppressed } : {}),
  });
}
