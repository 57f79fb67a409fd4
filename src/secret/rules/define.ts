import type { SecretCategory, SecretRule, SecretSeverity } from '../types.js';

/**
 * Helpers that keep the rule tables short. A token pattern is wrapped so it cannot start
 * or end inside a longer word: a prefix such as `ghp_` inside an identifier is not a token.
 */
const BEFORE = '(?<![A-Za-z0-9_])';
const AFTER = '(?![A-Za-z0-9_])';

export interface RuleSpec {
  id: string;
  title: string;
  category: SecretCategory;
  keywords: string[];
  /** Source of the value's regex; wrapped in a `secret` group and word guards. */
  token: string;
  severity?: SecretSeverity;
  minEntropy?: number;
  flags?: string;
  validate?: SecretRule['validate'];
}

export function tokenRule(spec: RuleSpec): SecretRule {
  const pattern = new RegExp(`${BEFORE}(?<secret>${spec.token})${AFTER}`, `g${spec.flags ?? ''}`);
  return build(spec, pattern);
}

export interface ContextSpec extends Omit<RuleSpec, 'token'> {
  /** Source of the key's regex (the context), matched case-insensitively. */
  key: string;
  /** Source of the value's regex. */
  value: string;
}

/**
 * A value that has no recognisable shape of its own (a 40-character secret key, 32 hex
 * digits) is only a finding when a key names the provider next to it.
 */
export function contextRule(spec: ContextSpec): SecretRule {
  const source =
    `(?:${spec.key})[A-Za-z0-9_.-]{0,20}["']?\\s{0,4}(?:=>|[:=])\\s{0,4}["']?` +
    `(?<secret>${spec.value})${AFTER}`;
  return build(spec, new RegExp(source, 'gi'));
}

function build(spec: RuleSpec | ContextSpec, pattern: RegExp): SecretRule {
  const rule: SecretRule = {
    id: spec.id,
    title: spec.title,
    category: spec.category,
    severity: spec.severity ?? 'high',
    keywords: spec.keywords,
    pattern,
  };
  if (spec.minEntropy !== undefined) rule.minEntropy = spec.minEntropy;
  if (spec.validate) rule.validate = spec.validate;
  return rule;
}

/** base64url alphabet, for the many token formats that use it. */
export const B64URL = 'A-Za-z0-9_\\-';
export const ALNUM = 'A-Za-z0-9';
