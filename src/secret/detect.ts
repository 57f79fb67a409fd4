import { shannonEntropy } from './entropy.js';
import { isKnownNonSecret } from './known-values.js';
import { KeywordPrefilter } from './prefilter.js';
import { SECRET_RULES } from './rules/index.js';
import type { SecretRule } from './types.js';

/**
 * A match with its value. It MUST stay inside src/secret/: everything that leaves turns
 * it into a redacted form and a fingerprint first.
 */
export interface RawMatch {
  rule: SecretRule;
  value: string;
  /** Offset of the value in the text. */
  start: number;
  line: number;
}

export interface TextScan {
  matches: RawMatch[];
  base64Runs: [number, number][];
}

const defaultPrefilter = new KeywordPrefilter(SECRET_RULES);

/**
 * Scans text held as bytes. The rules see it latin1-decoded, one character per byte, so
 * offsets in the text are offsets in the file.
 */
export function scanTextBytes(bytes: Buffer, prefilter = defaultPrefilter): TextScan {
  const hit = prefilter.scan(bytes);
  if (hit.rules.length === 0) return { matches: [], base64Runs: hit.base64Runs };
  return { matches: runRules(hit.rules, bytes.toString('latin1')), base64Runs: hit.base64Runs };
}

/** Scans a string (a config value); the rules see its UTF-8 bytes as latin1 text. */
export function scanString(text: string): RawMatch[] {
  return scanTextBytes(Buffer.from(text, 'utf8')).matches;
}

function runRules(rules: SecretRule[], text: string): RawMatch[] {
  const lines = new LineIndex(text);
  const found: RawMatch[] = [];
  for (const rule of rules) {
    for (const match of runRule(rule, text)) {
      found.push({ ...match, rule, line: lines.lineOf(match.start) });
    }
  }
  return dropShadowedGeneric(found);
}

function runRule(rule: SecretRule, text: string): { value: string; start: number }[] {
  const out: { value: string; start: number }[] = [];
  const pattern = rule.pattern;
  pattern.lastIndex = 0;

  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    const groups = m.groups ?? {};
    const value = groups.secret ?? groups.secret2 ?? m[0];
    if (!accept(rule, value, text, m.index, groups)) continue;

    const offset = m[0].lastIndexOf(value);
    out.push({ value, start: m.index + Math.max(0, offset) });
  }
  return out;
}

function accept(
  rule: SecretRule,
  value: string,
  text: string,
  index: number,
  groups: Record<string, string | undefined>,
): boolean {
  if (isKnownNonSecret(value)) return false;
  if (rule.minEntropy !== undefined && shannonEntropy(value) < rule.minEntropy) return false;
  return rule.validate === undefined || rule.validate(value, { text, index, groups });
}

/** A value a provider rule recognised is not reported again by a generic assignment rule. */
function dropShadowedGeneric(found: RawMatch[]): RawMatch[] {
  const specific = found.filter((m) => m.rule.category !== 'generic');
  if (specific.length === found.length) return found;

  const overlaps = (a: RawMatch, b: RawMatch) =>
    a.start < b.start + b.value.length && b.start < a.start + a.value.length;
  return found.filter(
    (m) => m.rule.category !== 'generic' || !specific.some((s) => overlaps(s, m)),
  );
}

/** Line numbers by binary search over newline offsets, built only when a match needs one. */
class LineIndex {
  private newlines: number[] | undefined;

  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    if (!this.newlines) {
      this.newlines = [];
      for (let at = this.text.indexOf('\n'); at !== -1; at = this.text.indexOf('\n', at + 1)) {
        this.newlines.push(at);
      }
    }
    let low = 0;
    let high = this.newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.newlines[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  }
}
