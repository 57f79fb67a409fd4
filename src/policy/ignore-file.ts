import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DrydockError } from '../errors.js';
import type { ScanResult } from '../findings/types.js';

/**
 * `--ignore-file`: ids to suppress, each with an optional expiry and reason. Two forms:
 *
 *   # text, one id a line (the .trivyignore layout)
 *   CVE-2023-1234
 *   CVE-2023-5678 exp:2026-06-30   # reason after the hash
 *
 *   # YAML (.yaml / .yml)
 *   vulnerabilities:
 *     - id: CVE-2023-1234
 *       expires: 2026-06-30
 *       reason: not reachable
 *       purls: [pkg:npm/lodash]   # optional: only these packages
 *
 * An expired entry no longer suppresses anything and is reported as a warning.
 */
export interface IgnoreEntry {
  id: string;
  expires?: string;
  reason?: string;
  purls?: string[];
}

const MAX_ENTRIES = 100_000;

const entrySchema = z.object({
  id: z.string().min(1).max(200),
  expires: z.union([z.string(), z.date()]).optional(),
  expired_at: z.union([z.string(), z.date()]).optional(),
  reason: z.string().optional(),
  statement: z.string().optional(),
  purls: z.array(z.string()).optional(),
});
const yamlSchema = z.union([
  z.array(entrySchema),
  z.object({ vulnerabilities: z.array(entrySchema).default([]) }),
]);

export function parseIgnoreFile(text: string, path: string): IgnoreEntry[] {
  const entries = /\.ya?ml$/i.test(path) ? parseYamlForm(text, path) : parseTextForm(text, path);
  if (entries.length > MAX_ENTRIES) {
    throw new DrydockError(
      'IGNORE_FILE_INVALID',
      `ignore file ${path} has over ${MAX_ENTRIES} entries`,
    );
  }
  return entries;
}

function parseTextForm(text: string, path: string): IgnoreEntry[] {
  const entries: IgnoreEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const body = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    const reason = hash === -1 ? '' : raw.slice(hash + 1).trim();
    if (!body) return;

    const [id, ...rest] = body.split(/\s+/);
    const entry: IgnoreEntry = { id: id! };
    for (const word of rest) {
      const exp = /^exp:(\d{4}-\d{2}-\d{2})$/.exec(word);
      if (!exp) {
        throw new DrydockError(
          'IGNORE_FILE_INVALID',
          `ignore file ${path} line ${i + 1}: "${word.slice(0, 40)}" is not exp:YYYY-MM-DD`,
        );
      }
      entry.expires = exp[1]!;
    }
    if (reason) entry.reason = reason;
    entries.push(entry);
  });
  return entries;
}

function parseYamlForm(text: string, path: string): IgnoreEntry[] {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new DrydockError('IGNORE_FILE_INVALID', `ignore file ${path} is not valid YAML`, {
      cause: err,
    });
  }
  const parsed = yamlSchema.safeParse(raw ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DrydockError(
      'IGNORE_FILE_INVALID',
      `ignore file ${path}: ${issue.path.join('.')}: ${issue.message}`,
    );
  }

  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.vulnerabilities;
  return list.map((e) => {
    const entry: IgnoreEntry = { id: e.id };
    const expires = e.expires ?? e.expired_at;
    if (expires)
      entry.expires =
        expires instanceof Date ? expires.toISOString().slice(0, 10) : expires.slice(0, 10);
    const reason = e.reason ?? e.statement;
    if (reason) entry.reason = reason;
    if (e.purls) entry.purls = e.purls;
    return entry;
  });
}

/** Marks matching findings suppressed; returns the result and a warning per expired entry. */
export function applyIgnores(result: ScanResult, entries: IgnoreEntry[], now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const warnings = entries
    .filter((e) => e.expires && e.expires < today)
    .map((e) => `ignore entry ${e.id} expired on ${e.expires}; it no longer applies`);
  const live = entries.filter((e) => !e.expires || e.expires >= today);

  const vulnerabilities = result.vulnerabilities.map((finding) => {
    if (finding.suppressed) return finding;
    const ids = [finding.id, ...finding.aliases];
    const entry = live.find(
      (e) =>
        ids.includes(e.id) && (!e.purls || e.purls.some((p) => finding.package.purl.startsWith(p))),
    );
    if (!entry) return finding;
    const reason = entry.reason ?? 'listed in the ignore file';
    return { ...finding, suppressed: { by: 'ignore-file' as const, reason } };
  });
  return { result: { ...result, vulnerabilities }, warnings };
}
