import type { Package } from '../catalog/types.js';
import type {
  CvssScore,
  ScanResult,
  SeverityLevel,
  UnevaluatedMatch,
  VulnerabilityFinding,
} from '../findings/types.js';
import { packageRefs, stableUuid } from '../sbom/canonical.js';
import { renderCycloneDx } from '../sbom/cyclonedx/write.js';
import type { Property } from '../sbom/properties.js';
import { advisoryFor, idSource, isoDateTime } from './advisory.js';
import { fixedText, normaliseResult, suppressionText } from './model.js';
import type { ReportOptions } from './types.js';

/**
 * `--format cyclonedx`: the CycloneDX 1.6 SBOM drydock writes anyway, plus
 * `vulnerabilities[]`. Each finding is one entry, since its analysis and fixed versions
 * belong to one package; aliases are `references` and `affects[].ref` are the bom-refs of
 * the components it was found in (CycloneDX 1.6, vulnerability object). Matches that could
 * not be evaluated are entries too, `in_triage`, so no reader takes silence for safety.
 */
type CdxSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info' | 'none' | 'unknown';

interface Rating {
  source: { name: string };
  score?: number;
  severity: CdxSeverity;
  method: 'CVSSv2' | 'CVSSv3' | 'CVSSv31' | 'CVSSv4' | 'other';
  vector?: string;
}

const METHOD: Record<CvssScore['version'], Rating['method']> = {
  '2.0': 'CVSSv2',
  '3.0': 'CVSSv3',
  '3.1': 'CVSSv31',
  '4.0': 'CVSSv4',
};

const LEVEL: Record<SeverityLevel, CdxSeverity> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  NEGLIGIBLE: 'info',
  UNKNOWN: 'unknown',
};

/** OpenVEX justifications (OpenVEX spec, status justifications) in CycloneDX's terms. */
const JUSTIFICATION: Record<string, string> = {
  component_not_present: 'code_not_present',
  vulnerable_code_not_present: 'code_not_present',
  vulnerable_code_not_in_execute_path: 'code_not_reachable',
  vulnerable_code_cannot_be_controlled_by_adversary: 'requires_environment',
  inline_mitigations_already_exist: 'protected_by_mitigating_control',
};
const CDX_JUSTIFICATIONS = new Set([
  'code_not_present',
  'code_not_reachable',
  'requires_configuration',
  'requires_dependency',
  'requires_environment',
  'protected_by_compiler',
  'protected_at_runtime',
  'protected_at_perimeter',
  'protected_by_mitigating_control',
]);

export function renderCycloneDxReport(input: ScanResult, options: ReportOptions): string {
  const result = normaliseResult(input, options);
  const sbom = renderCycloneDx(result.inventory, result.target, {
    timestamp: result.createdAt,
    toolVersion: result.generator.version,
    includeFiles: false,
  });
  const bom = JSON.parse(sbom) as Record<string, unknown>;

  const refs = new ComponentRefs(result.inventory.packages);
  const ids = new UniqueRefs();
  bom.vulnerabilities = [
    ...result.vulnerabilities.map((v) => vulnerability(v, refs.of(v.package, v.paths), ids)),
    ...result.unevaluated.map((u) => unevaluated(u, refs.of(u.package, []), ids)),
  ];

  bom.serialNumber = '';
  bom.serialNumber = `urn:uuid:${stableUuid(JSON.stringify(bom))}`;
  return `${JSON.stringify(bom, null, 2)}\n`;
}

/** The bom-refs the SBOM writer gave each package: same canonical order, same function. */
class ComponentRefs {
  private readonly byPurl = new Map<string, { ref: string; paths: string[] }[]>();

  constructor(packages: readonly Package[]) {
    const refs = packageRefs(packages);
    packages.forEach((pkg, i) => {
      const list = this.byPurl.get(pkg.purl) ?? [];
      list.push({ ref: refs[i]!, paths: pkg.locations.map((l) => l.path) });
      this.byPurl.set(pkg.purl, list);
    });
  }

  /** Components with this purl; when several share it, those at the finding's paths. */
  of(pkg: { purl: string }, paths: readonly string[]): string[] {
    const all = this.byPurl.get(pkg.purl) ?? [];
    const here = all.filter((c) => c.paths.some((p) => paths.includes(p)));
    return (here.length > 0 ? here : all).map((c) => c.ref);
  }
}

class UniqueRefs {
  private readonly seen = new Map<string, number>();

  next(base: string): string {
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }
}

function vulnerability(v: VulnerabilityFinding, affected: string[], ids: UniqueRefs) {
  const entry: Record<string, unknown> = {
    'bom-ref': ids.next(`vuln:${v.id}:${v.package.purl}`),
    id: v.id,
    source: idSource(v.id),
    references: v.aliases.map((alias) => ({ id: alias, source: idSource(alias) })),
    ratings: ratings(v),
  };
  if (v.title !== undefined) entry.description = v.title;
  if (v.description !== undefined) entry.detail = v.description;

  const fixed = fixedText(v);
  if (v.fixedVersions.length > 0) entry.recommendation = `Upgrade ${v.package.name} to ${fixed}.`;
  const advisories = [...new Set([advisoryFor(v.id), ...v.references])].map((url) => ({ url }));
  entry.advisories = advisories;
  const published = v.published === undefined ? undefined : isoDateTime(v.published);
  if (published !== undefined) entry.published = published;

  if (v.suppressed !== undefined) entry.analysis = analysis(v);
  entry.affects = affected.map((ref) => ({ ref, versions: versions(v) }));
  entry.properties = properties(v);
  return entry;
}

function ratings(v: VulnerabilityFinding): Rating[] {
  const scored = v.cvss.map((c) => ({
    source: { name: c.source },
    score: c.score,
    severity: bandOf(c.score),
    method: METHOD[c.version],
    vector: c.vector,
  }));
  const level: Rating = {
    source: { name: v.severity.source },
    severity: LEVEL[v.severity.level],
    method: 'other',
  };
  return [...scored, level];
}

/** CVSS v3.1 and v4.0 qualitative rating scale (both specifications, section 5). */
function bandOf(score: number): CdxSeverity {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  return score < 9 ? 'high' : 'critical';
}

function versions(v: VulnerabilityFinding) {
  const installed = { version: v.installedVersion, status: 'affected' };
  return [installed, ...v.fixedVersions.map((version) => ({ version, status: 'unaffected' }))];
}

/**
 * VEX `not_affected` is what it says. An ignore file or policy accepts the risk without
 * claiming the package is safe, so it states no impact, only that no fix will be applied.
 */
function analysis(v: VulnerabilityFinding): Record<string, unknown> {
  const s = v.suppressed!;
  const detail = suppressionText(v);
  if (s.by !== 'vex') return { response: ['will_not_fix'], detail };

  const given = s.justification;
  const justification =
    given === undefined ? undefined : CDX_JUSTIFICATIONS.has(given) ? given : JUSTIFICATION[given];
  return {
    state: 'not_affected',
    ...(justification !== undefined ? { justification } : {}),
    detail,
  };
}

function properties(v: VulnerabilityFinding): Property[] {
  const props: Property[] = [
    { name: 'drydock:status', value: v.status },
    { name: 'drydock:kev', value: String(v.kev) },
    { name: 'drydock:priority', value: v.priority.level },
    { name: 'drydock:priority:reason', value: v.priority.reason },
    { name: 'drydock:ecosystem', value: v.package.ecosystem },
  ];
  if (v.epss !== undefined) {
    props.push({ name: 'drydock:epss:score', value: String(v.epss.score) });
    props.push({ name: 'drydock:epss:percentile', value: String(v.epss.percentile) });
  }
  for (const path of v.paths) props.push({ name: 'drydock:path', value: path });
  if (v.layer !== undefined)
    props.push({ name: 'drydock:layer:index', value: String(v.layer.index) });
  return props;
}

function unevaluated(u: UnevaluatedMatch, affected: string[], ids: UniqueRefs) {
  return {
    'bom-ref': ids.next(`unevaluated:${u.advisory}:${u.package.purl}`),
    id: u.advisory,
    source: idSource(u.advisory),
    analysis: { state: 'in_triage', detail: `could not evaluate: ${u.reason}` },
    affects: affected.map((ref) => ({
      ref,
      versions: [{ version: u.package.version, status: 'unknown' }],
    })),
    properties: [{ name: 'drydock:unevaluated', value: 'true' }],
  };
}
