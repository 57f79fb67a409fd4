import { OS_PACKAGE_TYPES, type Package } from '../catalog/types.js';
import type {
  FindingLayer,
  FindingPackage,
  UnevaluatedMatch,
  VulnerabilityFinding,
} from '../findings/types.js';
import { baseEcosystem, compareVersions } from '../versioning/index.js';
import { groupByProblem } from './grouping.js';
import { computePriority } from './priority.js';
import { referencesFor } from './references.js';
import { chooseSeverity, cvssScores } from './severity.js';
import type { Hit } from './types.js';

type Affected = Extract<Hit, { kind: 'affected' }>;
type Unknown = Extract<Hit, { kind: 'unknown' }>;

export interface LayerInfo {
  index: number;
  diffId: string;
  createdBy?: string;
  historyIndex?: number;
}

/**
 * Collapses one package's hits into findings: records that share a `groupKey` are one
 * problem (a CVE, its GHSA, its DSA) and become one finding that lists every id. A group
 * with no affected record but an unreadable one becomes a "could not evaluate" entry.
 */
export function findingsFor(
  pkg: Package,
  hits: Hit[],
  layers: LayerInfo[],
): { findings: VulnerabilityFinding[]; unevaluated: UnevaluatedMatch[] } {
  const judged = hits.filter((h): h is Affected | Unknown => h.kind !== 'unsupported');
  const groups = groupByProblem(judged);

  const findings: VulnerabilityFinding[] = [];
  const unevaluated: UnevaluatedMatch[] = [];
  for (const [key, group] of groups) {
    const affected = group.filter((h): h is Affected => h.kind === 'affected');
    if (affected.length > 0) {
      findings.push(buildFinding(pkg, key, affected, layers));
      continue;
    }
    const unknown = group.find((h): h is Unknown => h.kind === 'unknown');
    if (unknown) unevaluated.push(unevaluatedOf(pkg, key, unknown));
  }
  return { findings, unevaluated };
}

function buildFinding(
  pkg: Package,
  id: string,
  hits: Affected[],
  layers: LayerInfo[],
): VulnerabilityFinding {
  const aliases = aliasesOf(id, hits);
  const first = hits[0]!;
  const ecosystem = first.lookup.ecosystem;
  const severities = hits.flatMap((h) => h.advisory.severities);
  const fixedVersions = sortVersions(ecosystem, [...new Set(hits.flatMap((h) => h.fixed))]);
  const status = fixedVersions.length > 0 ? 'fixed' : first.status;

  const distroHit = hits.find((h) => h.distroSeverity);
  const severity = chooseSeverity(severities, {
    os: OS_PACKAGE_TYPES.has(pkg.type),
    ...(distroHit?.distroSeverity
      ? { distroRating: { word: distroHit.distroSeverity, source: distroSource(ecosystem) } }
      : {}),
  });
  const cvss = cvssScores(severities);
  // A record's KEV and EPSS entries may belong to another of its CVEs; only this one's count.
  const own = (cve: string) => cve === id || aliases.includes(cve);
  const kev = hits.some((h) => h.advisory.kev !== undefined && own(h.advisory.kev.cve));
  const epss = hits
    .map((h) => h.advisory.epss)
    .filter((e) => e !== undefined && own(e.cve))
    .sort((a, b) => b!.score - a!.score)[0];

  const finding: VulnerabilityFinding = {
    id,
    aliases,
    package: findingPackage(pkg, ecosystem),
    installedVersion: pkg.version,
    fixedVersions,
    status,
    paths: [...new Set(pkg.locations.map((l) => l.path))].sort(),
    severity,
    cvss,
    kev,
    priority: computePriority({
      severity: severity.level,
      cvss: cvss.length > 0 ? Math.max(...cvss.map((c) => c.score)) : undefined,
      kev,
      epss: epss?.score,
      status,
    }),
    references: referencesFor([id, ...aliases]),
  };
  addOptional(finding, pkg, hits, layers, epss);
  return finding;
}

function addOptional(
  finding: VulnerabilityFinding,
  pkg: Package,
  hits: Affected[],
  layers: LayerInfo[],
  epss: { score: number; percentile: number; date?: string } | undefined,
): void {
  if (epss) {
    finding.epss = { score: epss.score, percentile: epss.percentile };
    if (epss.date) finding.epss.date = epss.date;
  }
  const title = hits.map((h) => h.advisory.summary).find((s) => s);
  if (title) finding.title = title;
  const published = hits
    .map((h) => h.advisory.published)
    .filter((p) => p !== undefined)
    .sort()[0];
  if (published) finding.published = published;

  const layer = layerOf(pkg, layers);
  if (layer) finding.layer = layer;
}

/** The layer that wrote the package's first location, with the history step behind it. */
function layerOf(pkg: Package, layers: LayerInfo[]): FindingLayer | undefined {
  const location = pkg.locations.find((l) => l.layer !== undefined);
  if (location?.layer === undefined) return undefined;

  const info = layers.find((l) => l.index === location.layer);
  const layer: FindingLayer = {
    index: location.layer,
    diffId: location.diffId ?? info?.diffId ?? '',
  };
  if (info?.historyIndex !== undefined) layer.historyIndex = info.historyIndex;
  if (info?.createdBy) layer.createdBy = info.createdBy;
  return layer;
}

/**
 * The ids of the records in the group that name this problem: each record's own id, and
 * its aliases except other CVEs, which are problems of their own.
 */
function aliasesOf(id: string, hits: Affected[]): string[] {
  const all = new Set<string>();
  for (const { advisory } of hits) {
    for (const alias of [advisory.id, ...advisory.aliases]) {
      if (alias !== id && !/^CVE-/.test(alias)) all.add(alias);
    }
  }
  return [...all].sort();
}

function unevaluatedOf(pkg: Package, id: string, first: Unknown): UnevaluatedMatch {
  return {
    package: findingPackage(pkg, first.lookup.ecosystem),
    advisory: id,
    reason: first.reason,
  };
}

function findingPackage(pkg: Package, ecosystem: string): FindingPackage {
  const out: FindingPackage = {
    name: pkg.name,
    version: pkg.version,
    type: pkg.type,
    purl: pkg.purl,
    ecosystem,
  };
  if (pkg.source) out.source = { ...pkg.source };
  return out;
}

function distroSource(ecosystem: string): string {
  return baseEcosystem(ecosystem).toLowerCase();
}

function sortVersions(ecosystem: string, versions: string[]): string[] {
  return versions.sort((a, b) => {
    try {
      return compareVersions(ecosystem, a, b);
    } catch {
      return a < b ? -1 : a > b ? 1 : 0;
    }
  });
}
