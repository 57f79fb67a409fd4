import { z } from 'zod';
import type { Advisory, Severity } from '../model.js';
import { emptyResult, newAdvisory } from '../model.js';
import { looseString, parseJson, problem, schemaReason } from './common.js';
import { affectedExpression } from './native-range.js';
import type { FeedParser } from './types.js';

/**
 * The legacy Node.js security working group database (nodejs/security-wg vuln/): npm
 * advisories with `module_name` and an npm `vulnerable_versions` range, and Node.js core
 * advisories with `vulnerable` / `patched`. Ids follow the group's own NSWG-ECO-n and
 * NSWG-CORE-n scheme; core advisories go under the drydock-only ecosystem `Node.js`.
 */
const npmSchema = z.object({
  id: looseString,
  module_name: z.string().min(1),
  title: z.string().nullish(),
  overview: z.string().nullish(),
  publish_date: z.string().nullish(),
  updated_at: z.string().nullish(),
  cves: z.array(z.string()).nullish(),
  vulnerable_versions: z.string().min(1),
  references: z.array(z.string()).nullish(),
  cvss_vector: z.string().nullish(),
  cvss_score: z.number().nullish(),
});

const coreSchema = z.object({
  cve: z.array(z.string()).nullish(),
  vulnerable: z.string().min(1),
  description: z.string().nullish(),
  overview: z.string().nullish(),
  ref: z.string().nullish(),
  severity: z.string().nullish(),
});

export const nodejsWgParser: FeedParser = {
  format: 'nodejs-wg',
  detect({ path, head }) {
    // index.json files aggregate the records by number; the records themselves are read.
    if (!/\.json$/i.test(path) || /^\s*\{\s*"\d+"\s*:/.test(head)) return false;
    return (
      /"module_name"\s*:/.test(head) ||
      (/"vulnerable"\s*:/.test(head) && /"patched"\s*:/.test(head))
    );
  },
  parse(file) {
    const result = emptyResult();
    const doc = parseJson(file.text);
    if (!doc.ok) {
      result.problems.push(problem(file.path, doc.reason));
      return result;
    }

    const isCore = typeof doc.value === 'object' && doc.value !== null && 'vulnerable' in doc.value;
    const parsed = isCore ? coreSchema.safeParse(doc.value) : npmSchema.safeParse(doc.value);
    if (!parsed.success) {
      result.problems.push(problem(file.path, schemaReason(parsed.error)));
      return result;
    }

    result.advisories.push(
      isCore
        ? fromCore(parsed.data as z.infer<typeof coreSchema>, file.path)
        : fromNpm(parsed.data as z.infer<typeof npmSchema>),
    );
    return result;
  },
};

function fromNpm(rec: z.infer<typeof npmSchema>): Advisory {
  const advisory = newAdvisory(`NSWG-ECO-${rec.id}`);
  advisory.aliases = rec.cves ?? [];
  advisory.summary = rec.title ?? undefined;
  advisory.details = rec.overview ?? undefined;
  advisory.published = rec.publish_date ?? undefined;
  advisory.modified = rec.updated_at ?? undefined;
  advisory.references = rec.references ?? [];

  const severity: Severity = { source: 'nodejs-wg', type: 'CVSS_V3' };
  if (rec.cvss_vector) severity.vector = rec.cvss_vector;
  if (typeof rec.cvss_score === 'number') severity.score = rec.cvss_score;
  if (severity.vector || severity.score !== undefined) advisory.severities.push(severity);

  const { ranges, versions } = affectedExpression(rec.vulnerable_versions, 'SEMVER');
  advisory.affected.push({ ecosystem: 'npm', name: rec.module_name, ranges, versions });
  return advisory;
}

function fromCore(rec: z.infer<typeof coreSchema>, path: string): Advisory {
  const number =
    path
      .split('/')
      .at(-1)
      ?.replace(/\.json$/i, '') ?? path;
  const advisory = newAdvisory(`NSWG-CORE-${number}`);
  advisory.aliases = rec.cve ?? [];
  advisory.summary = rec.description ?? undefined;
  advisory.details = rec.overview ?? undefined;
  if (rec.ref) advisory.references.push(rec.ref);
  if (rec.severity) {
    advisory.severities.push({
      source: 'nodejs-wg',
      type: 'rating',
      rating: rec.severity.toLowerCase(),
    });
  }

  const { ranges, versions } = affectedExpression(rec.vulnerable, 'SEMVER');
  advisory.affected.push({ ecosystem: 'Node.js', name: 'node', ranges, versions });
  return advisory;
}
