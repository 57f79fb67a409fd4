import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DrydockError } from '../errors.js';
import { type Condition, compileCondition } from './cel.js';
import { compileLicenseCondition, type LicenseCondition } from './cel-license.js';

/**
 * The policy file: one YAML document, evaluated the same way wherever drydock decides.
 *
 *   default: allow            # action for findings no rule matches: allow, warn or deny
 *   rules:                    # first matching rule wins
 *     - name: known-exploited
 *       condition: finding.kev
 *       action: deny
 *     - name: dev-tools
 *       condition: finding.package.name.startsWith("eslint")
 *       action: ignore
 *     - name: no-strong-copyleft    # `on: license` rules judge license findings
 *       on: license
 *       condition: license.category in ["forbidden", "restricted"]
 *       action: deny
 *   exceptions:               # checked before rules; expired ones stop applying
 *     - ids: [CVE-2023-44487]
 *       condition: finding.package.type == "golang"     # optional narrowing
 *       owner: platform-team
 *       reason: not reachable, see ticket SEC-42
 *       expires: 2026-03-31
 */
export type Action = 'deny' | 'warn' | 'ignore';

export interface Rule {
  name: string;
  action: Action;
  source: string;
  test: Condition;
}

export interface PolicyException {
  ids: string[];
  owner: string;
  reason: string;
  /** YYYY-MM-DD; the exception applies through the end of that day (UTC). */
  expires: string;
  test?: Condition;
}

export interface LicenseRule {
  name: string;
  action: Action;
  source: string;
  test: LicenseCondition;
}

export interface Policy {
  /** The action for vulnerability findings no rule decides; licenses have no default. */
  default: 'allow' | Action;
  rules: Rule[];
  licenseRules: LicenseRule[];
  exceptions: PolicyException[];
}

const date = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : v.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a YYYY-MM-DD date` });
  }
  return text;
});

const schema = z.strictObject({
  apiVersion: z.literal('drydock/v1').optional(),
  default: z.enum(['allow', 'warn', 'deny', 'ignore']).default('allow'),
  rules: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(200),
        description: z.string().optional(),
        on: z.enum(['vulnerability', 'license']).default('vulnerability'),
        condition: z.string().min(1),
        action: z.enum(['deny', 'warn', 'ignore']),
      }),
    )
    .max(1000)
    .default([]),
  exceptions: z
    .array(
      z.strictObject({
        id: z.string().min(1).optional(),
        ids: z.array(z.string().min(1)).optional(),
        condition: z.string().min(1).optional(),
        owner: z.string().min(1),
        reason: z.string().min(1),
        expires: date,
      }),
    )
    .max(10_000)
    .default([]),
});

/** Reads and checks a policy file; every mistake is a POLICY_INVALID error naming the place. */
export function parsePolicy(text: string, path: string): Policy {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new DrydockError('POLICY_INVALID', `policy ${path} is not valid YAML`, { cause: err });
  }

  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || 'document';
    throw new DrydockError('POLICY_INVALID', `policy ${path}: ${where}: ${issue.message}`);
  }

  const doc = parsed.data;
  return {
    default: doc.default,
    rules: doc.rules.flatMap((r, i) =>
      r.on !== 'vulnerability'
        ? []
        : [{ ...ruleBase(r), test: compileCondition(r.condition, ruleWhere(path, i, r.name)) }],
    ),
    licenseRules: doc.rules.flatMap((r, i) =>
      r.on !== 'license'
        ? []
        : [
            {
              ...ruleBase(r),
              test: compileLicenseCondition(r.condition, ruleWhere(path, i, r.name)),
            },
          ],
    ),
    exceptions: doc.exceptions.map((e, i) => exceptionOf(e, `policy ${path}: exceptions.${i}`)),
  };
}

function ruleBase(r: z.infer<typeof schema>['rules'][number]) {
  return { name: r.name, action: r.action, source: r.condition };
}

function ruleWhere(path: string, index: number, name: string): string {
  return `policy ${path}: rules.${index} (${name})`;
}

function exceptionOf(
  e: z.infer<typeof schema>['exceptions'][number],
  where: string,
): PolicyException {
  const ids = [...(e.ids ?? []), ...(e.id ? [e.id] : [])];
  if (ids.length === 0 && !e.condition) {
    throw new DrydockError('POLICY_INVALID', `${where}: an exception needs ids or a condition`);
  }
  const out: PolicyException = { ids, owner: e.owner, reason: e.reason, expires: e.expires };
  if (e.condition) out.test = compileCondition(e.condition, where);
  return out;
}

/** The policy the simple flags mean: with `--exit-code`, every finding left fails the gate. */
export function flagPolicy(): Policy {
  return {
    default: 'deny',
    rules: [],
    licenseRules: [],
    exceptions: [],
  };
}
