import type { Inventory, PackageType } from '../catalog/types.js';
import type { LicenseFinding } from '../license/types.js';
import type { Finding as MisconfigFinding } from '../misconfig/types.js';
import type { ScanTarget } from '../scan/target.js';
import type { SecretFinding } from '../secret/types.js';

/**
 * The result model every report renders: one scan of one target, with the inventory and
 * the findings of each scanner. Renderers read it and nothing else, so every format says
 * the same thing.
 */
export type SeverityLevel = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'NEGLIGIBLE' | 'UNKNOWN';

export const SEVERITY_ORDER: readonly SeverityLevel[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'NEGLIGIBLE',
  'UNKNOWN',
];

/** Distro tracker states plus the plain "a fix exists" of language feeds. */
export type VulnStatus = 'fixed' | 'unfixed' | 'will-not-fix' | 'end-of-life';

export interface CvssScore {
  version: '2.0' | '3.0' | '3.1' | '4.0';
  vector: string;
  score: number;
  /** Who scored it: nvd, ghsa, debian, a distro's own OSV, ... */
  source: string;
}

export interface FindingPackage {
  name: string;
  version: string;
  type: PackageType;
  purl: string;
  /** The OSV ecosystem it was matched in, e.g. `Debian:12`, `npm`. */
  ecosystem: string;
  source?: { name: string; version: string };
}

export interface FindingLayer {
  index: number;
  diffId: string;
  historyIndex?: number;
  createdBy?: string;
}

export interface VulnerabilityFinding {
  /** The id shown first: a CVE when the problem has one, else the advisory's own. */
  id: string;
  /** Every other id of the same problem (GHSA, DSA, OSV ids ...), sorted. */
  aliases: string[];
  package: FindingPackage;
  installedVersion: string;
  fixedVersions: string[];
  status: VulnStatus;
  paths: string[];
  layer?: FindingLayer;
  severity: { level: SeverityLevel; source: string };
  cvss: CvssScore[];
  kev: boolean;
  epss?: { score: number; percentile: number; date?: string };
  priority: { level: 'P0' | 'P1' | 'P2' | 'P3' | 'P4'; score: number; reason: string };
  title?: string;
  description?: string;
  references: string[];
  published?: string;
  /** Set when policy, an ignore file or VEX suppressed it: shown as suppressed, never hidden. */
  suppressed?: { by: 'policy' | 'ignore-file' | 'vex'; reason: string; justification?: string };
}

/** A package and advisory pair the matcher could not decide: shown, never dropped. */
export interface UnevaluatedMatch {
  package: FindingPackage;
  advisory: string;
  reason: string;
}

export interface ScanResult {
  schemaVersion: string;
  generator: { name: 'drydock'; version: string };
  createdAt: string;
  target: ScanTarget;
  inventory: Inventory;
  vulnerabilities: VulnerabilityFinding[];
  unevaluated: UnevaluatedMatch[];
  secrets: SecretFinding[];
  misconfigurations: MisconfigFinding[];
  /** License findings, one per package, when the license scanner ran (src/license). */
  licenses?: LicenseFinding[];
  /** Which scanners ran, so an empty list can be told from a scanner that was off. */
  scanners: Array<'vuln' | 'secret' | 'misconfig' | 'license'>;
  /** Degraded results the user must know about (no data for the distro, a stale DB ...). */
  warnings?: string[];
  /** The policy gate's decision, when one was evaluated (src/policy). */
  policy?: PolicyVerdict;
}

/** What the policy gate decided, per finding and overall; the same in CLI and service. */
export interface PolicyVerdict {
  passed: boolean;
  /** One entry per finding (vulnerability or license) a rule or exception decided. */
  decisions: Array<{
    id: string;
    purl: string;
    action: 'deny' | 'warn' | 'ignore';
    /** The rule's name, `exception` or the flag that decided. */
    by: string;
  }>;
  /** Exceptions past their expiry date: they no longer apply, and say so here. */
  expiredExceptions: Array<{ ids: string[]; owner: string; reason: string; expires: string }>;
}
