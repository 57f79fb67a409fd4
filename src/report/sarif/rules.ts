import type { SeverityLevel, VulnerabilityFinding } from '../../findings/types.js';
import type { Finding as MisconfigFinding } from '../../misconfig/types.js';
import type { SecretFinding } from '../../secret/types.js';
import { escapeMarkdown, safeUrl } from '../escape.js';

/**
 * SARIF rules: one per vulnerability id, secret rule and misconfiguration check, with help
 * text. `security-severity` is the number code-scanning UIs band into critical (>= 9.0),
 * high (>= 7.0), medium (>= 4.0) and low; a rule takes the highest of its results.
 */
export type Level = 'error' | 'warning' | 'note' | 'none';

export interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: Level };
  properties: { tags: string[]; precision: 'very-high'; 'security-severity': string };
}

/** What a severity level means in code-scanning bands when no CVSS score is known. */
export const LEVEL_SCORE: Record<SeverityLevel, number> = {
  CRITICAL: 9.5,
  HIGH: 8.0,
  MEDIUM: 5.5,
  LOW: 2.0,
  NEGLIGIBLE: 0.5,
  UNKNOWN: 0.0,
};

export function levelOf(score: number): Level {
  if (score >= 7) return 'error';
  return score >= 4 ? 'warning' : 'note';
}

/** Rules in first-seen order; a rule seen again keeps the highest score of its results. */
export class RuleSet {
  private readonly rules: Rule[] = [];
  private readonly byId = new Map<string, number>();

  add(rule: Rule, score: number): { id: string; index: number } {
    let index = this.byId.get(rule.id);
    if (index === undefined) {
      index = this.rules.push(rule) - 1;
      this.byId.set(rule.id, index);
    }

    const kept = this.rules[index]!;
    const best = Math.max(score, Number(kept.properties['security-severity']));
    kept.properties['security-severity'] = best.toFixed(1);
    kept.defaultConfiguration.level = levelOf(best);
    return { id: rule.id, index };
  }

  list(): Rule[] {
    return this.rules;
  }
}

function rule(id: string, title: string, full: string, tags: string[], markdown: string): Rule {
  return {
    id,
    name: id.replace(/[^A-Za-z0-9]+/g, ''),
    shortDescription: { text: title },
    fullDescription: { text: full || title },
    help: { text: full || title, markdown },
    defaultConfiguration: { level: 'note' },
    properties: { tags, precision: 'very-high', 'security-severity': '0.0' },
  };
}

export function vulnerabilityRule(v: VulnerabilityFinding): Rule {
  const title = v.title ?? `${v.id} in ${v.package.name}`;
  const said = v.description ?? title;
  const stop = /[.!?]$/.test(said) ? '' : '.';
  const aliases = v.aliases.length === 0 ? '' : ` Also known as ${v.aliases.join(', ')}.`;
  const full = `${said}${stop}${aliases}`;

  const urls = v.references.map(safeUrl).filter((url) => url !== undefined);
  const markdown = [
    `**${escapeMarkdown(v.id)}**: ${escapeMarkdown(title)}`,
    '',
    escapeMarkdown(full),
  ];
  if (urls.length > 0) markdown.push('', ...urls.map((url) => `- <${url}>`));

  const out = rule(v.id, title, full, ['vulnerability', 'security'], markdown.join('\n'));
  if (urls[0] !== undefined) out.helpUri = urls[0];
  return out;
}

export function unevaluatedRule(advisory: string): Rule {
  const title = `advisory ${advisory} could not be evaluated`;
  const full = 'drydock could not decide whether the package is affected; check it by hand.';
  return rule(advisory, title, full, ['vulnerability', 'security', 'unevaluated'], full);
}

export function secretRule(s: SecretFinding): Rule {
  const full =
    `A ${s.category} credential (${s.title}) is stored in the image. Anyone who can pull ` +
    'the image can read it: revoke it, then remove it from every layer.';
  return rule(s.ruleId, s.title, full, ['secret', 'security', s.category], escapeMarkdown(full));
}

export function misconfigRule(m: MisconfigFinding): Rule {
  const markdown = `${escapeMarkdown(m.rationale)}\n\n**Fix:** ${escapeMarkdown(m.remedy)}`;
  const help = `${m.rationale}\n\nFix: ${m.remedy}`;
  return rule(m.id, m.title, help, ['misconfiguration', 'security'], markdown);
}
