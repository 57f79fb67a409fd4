import type { ScanResult, VulnerabilityFinding } from '../../findings/types.js';
import type { Finding as MisconfigFinding } from '../../misconfig/types.js';
import { sha256Hex } from '../../sbom/canonical.js';
import type { SecretFinding } from '../../secret/types.js';
import {
  evidencePlace,
  fixedText,
  normaliseResult,
  packageLabel,
  primaryCvss,
  secretLevel,
  secretPlace,
  suppressionText,
} from '../model.js';
import type { ReportOptions } from '../types.js';
import {
  LEVEL_SCORE,
  type Level,
  levelOf,
  misconfigRule,
  RuleSet,
  secretRule,
  unevaluatedRule,
  vulnerabilityRule,
} from './rules.js';

/**
 * `--format sarif`: SARIF 2.1.0 (OASIS) for code-scanning UIs. One run whose driver is
 * drydock, one result per finding, located at the files inside the image as relative URIs.
 * Findings with no file of their own (an image config value, a package read from an SBOM)
 * point at the scanned target. Matches that could not be evaluated are `review` results.
 */
interface Location {
  physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
  message?: { text: string };
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  kind: 'fail' | 'review';
  level: Level;
  message: { text: string };
  locations: Location[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'external'; status: 'accepted'; justification: string }[];
  properties?: Record<string, unknown>;
}

const MAX_LOCATIONS = 10;

export function renderSarifReport(input: ScanResult, options: ReportOptions): string {
  const result = normaliseResult(input, options);
  const rules = new RuleSet();
  const results = [
    ...result.vulnerabilities.map((v) => vulnerabilityResult(v, rules, result)),
    ...result.unevaluated.map((u) => {
      const r = rules.add(unevaluatedRule(u.advisory), 0);
      const text = `could not evaluate ${u.advisory} for ${packageLabel(u)}: ${u.reason}`;
      const prints = fingerprint('unevaluated', u.advisory, u.package.purl);
      return base(r, 'review', 'none', text, [targetLocation(result)], prints);
    }),
    ...result.secrets.map((s) => secretResult(s, rules, result)),
    ...result.misconfigurations.map((m) => misconfigResult(m, rules, result)),
  ];

  const version = result.generator.version;
  const driver = { name: 'drydock', version, semanticVersion: version, rules: rules.list() };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        results,
        properties: {
          target: result.target,
          createdAt: result.createdAt,
          ...(result.warnings !== undefined ? { warnings: result.warnings } : {}),
          ...(result.policy !== undefined ? { policy: result.policy } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function vulnerabilityResult(v: VulnerabilityFinding, rules: RuleSet, result: ScanResult) {
  const score = primaryCvss(v)?.score ?? LEVEL_SCORE[v.severity.level];
  const r = rules.add(vulnerabilityRule(v), score);
  const fixed = fixedText(v) === '' ? '' : `, fixed: ${fixedText(v)}`;
  const kev = v.kev ? ', known exploited' : '';
  const text = `${packageLabel(v)} is affected by ${v.id} (${v.severity.level}${fixed})${kev}`;

  const paths = v.paths.slice(0, MAX_LOCATIONS);
  const locations = paths.length === 0 ? [targetLocation(result)] : paths.map((p) => fileAt(p));
  const out = base(r, 'fail', levelOf(score), text, locations, fingerprint(v.id, v.package.purl));
  if (v.suppressed !== undefined) {
    out.suppressions = [
      { kind: 'external', status: 'accepted', justification: suppressionText(v) },
    ];
  }

  out.properties = {
    package: v.package,
    installedVersion: v.installedVersion,
    fixedVersions: v.fixedVersions,
    status: v.status,
    kev: v.kev,
    priority: v.priority,
    ...(v.epss !== undefined ? { epss: v.epss } : {}),
    ...(v.layer !== undefined ? { layer: v.layer } : {}),
  };
  return out;
}

function secretResult(s: SecretFinding, rules: RuleSet, result: ScanResult): Result {
  const score = LEVEL_SCORE[secretLevel(s.severity)];
  const r = rules.add(secretRule(s), score);
  const note = s.note === undefined ? '' : `; ${s.note}`;
  const text = `${s.title}: ${s.redacted} at ${secretPlace(s.location)}${note}`;

  const loc = s.location;
  const location =
    loc.kind === 'file'
      ? fileAt(loc.path, Math.max(1, loc.line))
      : { ...targetLocation(result), message: { text: `image config ${loc.field} ${loc.key}` } };
  const prints = { 'drydock/v1': s.fingerprint };
  return base(r, 'fail', levelOf(score), text, [location], prints);
}

function misconfigResult(m: MisconfigFinding, rules: RuleSet, result: ScanResult): Result {
  const score = LEVEL_SCORE[m.severity];
  const r = rules.add(misconfigRule(m), score);
  const details = m.evidence.map((e) => {
    const place = evidencePlace(e);
    return place === '' ? e.detail : `${e.detail} (${place})`;
  });
  const text = details.length === 0 ? m.title : `${m.title}: ${details.join('; ')}`;

  const located = m.evidence.filter((e) => e.path !== undefined).slice(0, MAX_LOCATIONS);
  const locations = located.map((e) => fileAt(e.path!, e.line));
  const where = locations.length === 0 ? [targetLocation(result)] : locations;
  return base(r, 'fail', levelOf(score), text, where, fingerprint(m.id, ...details));
}

function base(
  r: { id: string; index: number },
  kind: Result['kind'],
  level: Level,
  text: string,
  locations: Location[],
  partialFingerprints: Record<string, string>,
): Result {
  const message = { text };
  return { ruleId: r.id, ruleIndex: r.index, kind, level, message, locations, partialFingerprints };
}

function fingerprint(...parts: string[]): Record<string, string> {
  return { 'drydock/v1': sha256Hex(parts.join('\u0000')).slice(0, 32) };
}

function fileAt(path: string, line?: number): Location {
  const physical: Location['physicalLocation'] = { artifactLocation: { uri: artifactUri(path) } };
  if (line !== undefined && line >= 1) physical.region = { startLine: line };
  return { physicalLocation: physical };
}

function targetLocation(result: ScanResult): Location {
  return {
    physicalLocation: { artifactLocation: { uri: artifactUri(result.target.name) } },
    message: { text: `the scanned ${result.target.kind}` },
  };
}

/** Each segment percent-encoded (RFC 3986), so `:` `#` `?` or spaces in a name stay data. */
export function artifactUri(path: string): string {
  const segments = path.split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  return segments.map(encodeURIComponent).join('/') || '.';
}
