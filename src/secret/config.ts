import { z } from 'zod';
import type { ImageConfig } from '../image/types.js';
import { Allowlist, type SecretAllowlist } from './allowlist.js';
import { type RawMatch, scanString } from './detect.js';
import { fingerprint, redact } from './redact.js';
import type { ConfigField, SecretFinding } from './types.js';

/**
 * Secrets in the image config: ENV and LABEL values, the default command, and the build
 * history, where build arguments show up in the recorded `RUN` lines (`|1 TOKEN=... sh -c`).
 * Each text is scanned as written and once more with one word per line, so a `KEY=value`
 * in the middle of a command line gets the same treatment as a line of an env file.
 */
export function scanImageConfigForSecrets(
  config: ImageConfig,
  allowlist: SecretAllowlist = {},
): SecretFinding[] {
  const allow = new Allowlist(allowlist);
  const findings: SecretFinding[] = [];
  const add = (field: ConfigField, key: string, text: string) => {
    for (const match of scanConfigText(text)) {
      const finding = toFinding(match, field, key);
      if (allow.allowsRule(finding.ruleId)) continue;
      if (allow.allowsFingerprint(finding.ruleId, finding.fingerprint)) continue;
      findings.push(finding);
    }
  };

  const { run, history } = readableParts(config);
  for (const entry of run.Env) add('Env', envName(entry), entry);
  for (const [key, value] of Object.entries(run.Labels)) add('Labels', key, `${key}=${value}`);
  for (const [i, arg] of run.Cmd.entries()) add('Cmd', String(i), arg);
  for (const [i, arg] of run.Entrypoint.entries()) add('Entrypoint', String(i), arg);
  for (const [i, step] of history.entries()) {
    add('history', String(i), [step.created_by, step.comment].filter(Boolean).join('\n'));
  }
  return findings;
}

/**
 * The config comes from the image, so it is attacker input: a field of the wrong type is
 * read as empty and the rest is still scanned.
 */
const strings = z
  .array(z.unknown())
  .catch([])
  .transform((a) => a.filter(isString));
const ConfigPartsSchema = z.object({
  config: z
    .object({
      Env: strings.optional().default([]),
      Cmd: strings.optional().default([]),
      Entrypoint: strings.optional().default([]),
      Labels: z
        .record(z.string(), z.unknown())
        .catch({})
        .optional()
        .default({})
        .transform((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => isString(v)))),
    })
    .catch({ Env: [], Cmd: [], Entrypoint: [], Labels: {} })
    .optional(),
  history: z
    .array(z.unknown())
    .catch([])
    .optional()
    .default([])
    .transform((steps) => steps.flatMap(readStep)),
});

interface Step {
  created_by?: string;
  comment?: string;
}

function readableParts(config: unknown) {
  const parsed = ConfigPartsSchema.safeParse(config);
  const empty = { Env: [], Cmd: [], Entrypoint: [], Labels: {} as Record<string, string> };
  if (!parsed.success) return { run: empty, history: [] as Step[] };
  const run = parsed.data.config ?? empty;
  return {
    run: { ...run, Labels: run.Labels as Record<string, string> },
    history: parsed.data.history,
  };
}

function readStep(step: unknown): Step[] {
  // A broken step still takes its place, so history indices match the config's.
  if (typeof step !== 'object' || step === null) return [{}];
  const { created_by, comment } = step as Record<string, unknown>;
  return [
    {
      created_by: isString(created_by) ? created_by : undefined,
      comment: isString(comment) ? comment : undefined,
    },
  ];
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function scanConfigText(text: string): RawMatch[] {
  if (text === '') return [];

  const whole = scanString(text);
  const words = scanString(text.split(/[ \t]+/).join('\n'));
  const seen = new Set(whole.map((m) => `${m.rule.id}\0${m.value}`));
  return [...whole, ...words.filter((m) => !seen.has(`${m.rule.id}\0${m.value}`))];
}

function toFinding(match: RawMatch, field: ConfigField, key: string): SecretFinding {
  return {
    ruleId: match.rule.id,
    title: match.rule.title,
    category: match.rule.category,
    severity: match.rule.severity,
    location: { kind: 'config', field, key },
    redacted: redact(match.value),
    fingerprint: fingerprint(match.rule.id, match.value),
  };
}

function envName(entry: string): string {
  const eq = entry.indexOf('=');
  return eq === -1 ? entry : entry.slice(0, eq);
}
