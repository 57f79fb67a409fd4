import picomatch from 'picomatch';
import { z } from 'zod';
import { fingerprint } from './redact.js';

/**
 * What a user says is not a finding: whole rules, paths (picomatch globs, no leading
 * slash, as the layer walk names files) and exact values. Values are compared through
 * their fingerprints, because the findings no longer hold them. Allowlists apply when
 * findings are collected, not in the layer walk, so changing them needs no rescan.
 */
export const SecretAllowlistSchema = z.object({
  rules: z.array(z.string().min(1)).default([]),
  paths: z.array(z.string().min(1)).default([]),
  values: z.array(z.string().min(1)).default([]),
  /** The built-in allowlist of library trees for weak rules (builtin-allow.ts); documentation
   * and test trees are never read, whatever this says. */
  builtin: z.boolean().default(true),
});

export type SecretAllowlist = z.input<typeof SecretAllowlistSchema>;

export class Allowlist {
  private readonly rules: Set<string>;
  private readonly path: ((path: string) => boolean) | undefined;
  private readonly values: string[];
  readonly builtin: boolean;
  private readonly allowedFingerprints = new Map<string, Set<string>>();

  constructor(input: SecretAllowlist = {}) {
    const parsed = SecretAllowlistSchema.parse(input);
    this.rules = new Set(parsed.rules);
    this.path = parsed.paths.length > 0 ? picomatch(parsed.paths, { dot: true }) : undefined;
    this.values = parsed.values;
    this.builtin = parsed.builtin;
  }

  allowsRule(ruleId: string): boolean {
    return this.rules.has(ruleId);
  }

  allowsPath(path: string): boolean {
    return this.path?.(path) === true;
  }

  allowsFingerprint(ruleId: string, print: string): boolean {
    if (this.values.length === 0) return false;
    let prints = this.allowedFingerprints.get(ruleId);
    if (!prints) {
      prints = new Set(this.values.map((v) => fingerprint(ruleId, v)));
      this.allowedFingerprints.set(ruleId, prints);
    }
    return prints.has(print);
  }
}
