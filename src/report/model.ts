import { DrydockError } from '../errors.js';
import type {
  CvssScore,
  ScanResult,
  SeverityLevel,
  UnevaluatedMatch,
  VulnerabilityFinding,
} from '../findings/types.js';
import { SEVERITY_ORDER } from '../findings/types.js';
import type { Evidence, Finding as MisconfigFinding } from '../misconfig/types.js';
import { compareText, sortInventory } from '../sbom/canonical.js';
import type { SecretFinding, SecretLocation, SecretSeverity } from '../secret/types.js';
import type { ReportOptions } from './types.js';

/**
 * What every reporter shares: one canonical order for every list, one way to count by
 * severity, and one wording for places, fixes and suppressions, so the formats agree.
 * Comparison is by code unit, never by locale, so the order cannot change between machines.
 */
export function severityRank(level: SeverityLevel): number {
  const rank = SEVERITY_ORDER.indexOf(level);
  return rank < 0 ? SEVERITY_ORDER.length : rank;
}

export function secretLevel(severity: SecretSeverity): SeverityLevel {
  return severity.toUpperCase() as SeverityLevel;
}

/** A sorted copy with the timestamp the caller chose; the input is left as it was. */
export function normaliseResult(result: ScanResult, options: ReportOptions): ScanResult {
  return {
    ...result,
    createdAt: reportTimestamp(options.timestamp ?? result.createdAt),
    inventory: sortInventory(result.inventory),
    vulnerabilities: [...result.vulnerabilities].sort(compareVulnerabilities),
    unevaluated: [...result.unevaluated].sort(compareUnevaluated),
    secrets: [...result.secrets].sort(compareSecrets),
    misconfigurations: [...result.misconfigurations].sort(compareMisconfigs),
    scanners: [...result.scanners].sort(compareText),
    ...(result.licenses !== undefined
      ? {
          licenses: [...result.licenses].sort((a, b) =>
            compareText(a.package.purl, b.package.purl),
          ),
        }
      : {}),
  };
}

/** ISO 8601 UTC to the second: what SPDX requires and every other format accepts. */
export function reportTimestamp(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) {
    throw new DrydockError('USAGE', `invalid report timestamp ${JSON.stringify(timestamp)}`);
  }
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function compareVulnerabilities(a: VulnerabilityFinding, b: VulnerabilityFinding): number {
  return (
    severityRank(a.severity.level) - severityRank(b.severity.level) ||
    compareText(a.id, b.id) ||
    compareText(a.package.purl, b.package.purl) ||
    compareText(a.package.name, b.package.name) ||
    compareText(a.installedVersion, b.installedVersion) ||
    compareText(a.paths.join('\n'), b.paths.join('\n'))
  );
}

function compareUnevaluated(a: UnevaluatedMatch, b: UnevaluatedMatch): number {
  return (
    compareText(a.package.ecosystem, b.package.ecosystem) ||
    compareText(a.package.name, b.package.name) ||
    compareText(a.package.version, b.package.version) ||
    compareText(a.advisory, b.advisory) ||
    compareText(a.reason, b.reason)
  );
}

function compareSecrets(a: SecretFinding, b: SecretFinding): number {
  return (
    severityRank(secretLevel(a.severity)) - severityRank(secretLevel(b.severity)) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(secretPlace(a.location), secretPlace(b.location)) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

function compareMisconfigs(a: MisconfigFinding, b: MisconfigFinding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.id, b.id) ||
    compareText(a.evidence.map(evidencePlace).join('\n'), b.evidence.map(evidencePlace).join('\n'))
  );
}

/** Counts per level, every level present so summaries always read the same. */
export function countBySeverity(levels: Iterable<SeverityLevel>): Map<SeverityLevel, number> {
  const counts = new Map<SeverityLevel, number>(SEVERITY_ORDER.map((l) => [l, 0]));
  for (const level of levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  return counts;
}

/** `Total: 12 (CRITICAL: 1, HIGH: 3, ...)` over the levels a scanner can produce. */
export function totalLine(
  levels: readonly SeverityLevel[],
  shown: readonly SeverityLevel[] = SEVERITY_ORDER,
): string {
  const counts = countBySeverity(levels);
  const parts = shown.map((level) => `${level}: ${counts.get(level) ?? 0}`);
  return `Total: ${levels.length} (${parts.join(', ')})`;
}

export const SECRET_LEVELS: readonly SeverityLevel[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export function partitionSuppressed(list: readonly VulnerabilityFinding[]) {
  return {
    active: list.filter((v) => v.suppressed === undefined),
    suppressed: list.filter((v) => v.suppressed !== undefined),
  };
}

/** `suppressed by vex: reason (justification)`. */
export function suppressionText(v: VulnerabilityFinding): string {
  const s = v.suppressed;
  if (s === undefined) return '';
  const why = s.justification === undefined ? s.reason : `${s.reason} (${s.justification})`;
  return `suppressed by ${s.by}: ${why}`;
}

export function fixedText(v: VulnerabilityFinding): string {
  if (v.fixedVersions.length > 0) return v.fixedVersions.join(', ');
  return v.status === 'fixed' ? '' : v.status;
}

export function packageLabel(v: { package: { name: string; version: string } }): string {
  return `${v.package.name}@${v.package.version}`;
}

/**
 * The CVSS score to rank by. Code-scanning UIs calibrate their bands on CVSS 3, so v3.x
 * comes first, then v4.0, then v2; within a version, the severity's own source wins.
 */
export function primaryCvss(v: VulnerabilityFinding): CvssScore | undefined {
  const preference = ['3.1', '3.0', '4.0', '2.0'];
  const ranked = [...v.cvss].sort(
    (a, b) =>
      preference.indexOf(a.version) - preference.indexOf(b.version) ||
      Number(b.source === v.severity.source) - Number(a.source === v.severity.source) ||
      b.score - a.score ||
      compareText(a.vector, b.vector),
  );
  return ranked[0];
}

/** `app/.env:3 (layer 2)`, or `image config Env AWS_KEY`. */
export function secretPlace(location: SecretLocation): string {
  if (location.kind === 'config') return `image config ${location.field} ${location.key}`;

  const inner = (location.within ?? []).map((w) => {
    if (w.kind === 'member') return `!${w.name}`;
    return w.kind === 'gzip' ? ' (gzip)' : ` (base64 at line ${w.line})`;
  });
  const removed =
    location.removedBy === undefined ? '' : `, removed by layer ${location.removedBy}`;
  return `${location.path}${inner.join('')}:${location.line} (layer ${location.layer}${removed})`;
}

/** `etc/ssh/sshd_config:12 (layer 1), step 4: RUN ...`, leaving out what is unknown. */
export function evidencePlace(e: Evidence): string {
  const parts: string[] = [];
  if (e.path !== undefined) parts.push(e.line === undefined ? e.path : `${e.path}:${e.line}`);
  if (e.path === undefined && e.line !== undefined) parts.push(`line ${e.line}`);
  if (e.layer !== undefined) parts.push(`layer ${e.layer}`);
  if (e.historyIndex !== undefined) {
    const step = `step ${e.historyIndex}`;
    parts.push(e.createdBy === undefined ? step : `${step}: ${e.createdBy}`);
  }
  return parts.join(', ');
}

/** The policy gate's verdict in one line, then one line per expired exception. */
export function policyLines(policy: ScanResult['policy']): string[] {
  if (policy === undefined) return [];

  const count = (action: string) => policy.decisions.filter((d) => d.action === action).length;
  const verdict = policy.passed ? 'passed' : 'failed';
  const tally = `${count('deny')} denied, ${count('warn')} warned, ${count('ignore')} ignored`;
  const expired = policy.expiredExceptions.map(
    (x) => `expired exception for ${x.ids.join(', ')} (${x.owner}: ${x.reason}) since ${x.expires}`,
  );
  return [`policy: ${verdict} (${tally})`, ...expired];
}
