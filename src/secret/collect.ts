import { z } from 'zod';
import type { OpenedImage } from '../image/types.js';
import type { WalkResult } from '../layer/walk-result.js';
import { log } from '../log.js';
import { Allowlist, type SecretAllowlist } from './allowlist.js';
import { builtinAllows } from './builtin-allow.js';
import { scanImageConfigForSecrets } from './config.js';
import { SECRET_CONSUMER_NAME } from './consumer.js';
import { ruleById } from './rules/index.js';
import type { FileMatch, SecretFinding, SecretSeverity } from './types.js';

/**
 * Layer values come back from the on-disk cache, so they are checked like any input:
 * a value that does not parse is dropped (and logged) instead of breaking the report.
 */
const MatchLayerSchema = z.union([
  z.object({ kind: z.literal('member'), name: z.string() }),
  z.object({ kind: z.literal('gzip') }),
  z.object({ kind: z.literal('base64'), line: z.number().int() }),
]);

const FileSecretsSchema = z.object({
  matches: z.array(
    z.object({
      ruleId: z.string(),
      line: z.number().int(),
      redacted: z.string(),
      fingerprint: z.string(),
      within: z.array(MatchLayerSchema).optional(),
    }),
  ),
  problems: z.array(z.string()).optional(),
});

const SEVERITY_ORDER: Record<SecretSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Turns the walk's secret values into findings, adds the image config's, and applies the
 * allowlist. Files a later layer removed are kept: their bytes are still in the image.
 */
export function collectSecretFindings(
  walk: WalkResult,
  image?: Pick<OpenedImage, 'config'>,
  allowlist: SecretAllowlist = {},
): SecretFinding[] {
  const allow = new Allowlist(allowlist);
  const findings: SecretFinding[] = [];

  for (const result of walk.results<unknown>(SECRET_CONSUMER_NAME)) {
    if (allow.allowsPath(result.path)) continue;
    const parsed = FileSecretsSchema.safeParse(result.value);
    if (!parsed.success) {
      log().debug({ path: result.path, layer: result.layer }, 'secret value unreadable; skipped');
      continue;
    }

    const origin = walk.layers[result.layer];
    for (const match of parsed.data.matches) {
      const finding = fileFinding(match, result.path, result.layer, result.removedBy, origin);
      if (!finding || allow.allowsRule(finding.ruleId)) continue;
      if (allow.builtin && builtinAllows(finding.ruleId, result.path)) continue;
      if (allow.allowsFingerprint(finding.ruleId, finding.fingerprint)) continue;
      findings.push(finding);
    }
  }

  if (image) findings.push(...scanImageConfigForSecrets(image.config, allowlist));
  return findings.sort(bySeverityThenPlace);
}

function fileFinding(
  match: FileMatch,
  path: string,
  layer: number,
  removedBy: number | undefined,
  origin: { diffId: string; historyIndex?: number } | undefined,
): SecretFinding | undefined {
  const rule = ruleById(match.ruleId);
  if (!rule) return undefined;

  const finding: SecretFinding = {
    ruleId: rule.id,
    title: rule.title,
    category: rule.category,
    severity: rule.severity,
    location: { kind: 'file', path, layer, diffId: origin?.diffId ?? '', line: match.line },
    redacted: match.redacted,
    fingerprint: match.fingerprint,
  };
  if (finding.location.kind !== 'file') return finding;
  if (origin?.historyIndex !== undefined) finding.location.historyIndex = origin.historyIndex;
  if (match.within) finding.location.within = match.within;
  if (removedBy !== undefined) {
    finding.location.removedBy = removedBy;
    finding.note = `removed in layer ${removedBy}, still extractable from layer ${layer}`;
  }
  return finding;
}

function bySeverityThenPlace(a: SecretFinding, b: SecretFinding): number {
  const severity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (severity !== 0) return severity;
  return placeOf(a).localeCompare(placeOf(b));
}

function placeOf(f: SecretFinding): string {
  const l = f.location;
  return l.kind === 'file' ? `1 ${l.path} ${l.layer} ${l.line}` : `0 ${l.field} ${l.key}`;
}
