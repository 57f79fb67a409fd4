import { createHash } from 'node:crypto';

/**
 * The only two forms in which a secret leaves the scanner. The redacted form lets a person
 * recognise which credential it is (most tokens start with a public prefix such as `ghp_`);
 * the fingerprint lets tools track and allowlist it without seeing it. Short values show
 * less of themselves, so no redacted form gives away more than a quarter of its value.
 */
const FINGERPRINT_HEX = 16;

export function redact(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}****(${value.length})`;
}

/** sha256 over the rule id and the value, so the same value under two rules differs. */
export function fingerprint(ruleId: string, value: string): string {
  const hash = createHash('sha256').update(ruleId).update('\0').update(value).digest('hex');
  return `sha256:${hash.slice(0, FINGERPRINT_HEX)}`;
}
