import { z } from 'zod';
import type { Advisory, AffectedPackage, FeedResult, RangeSpec, Severity } from '../model.js';
import { emptyResult, newAdvisory } from '../model.js';
import { isoDate, parseJson, problem, schemaReason, sourceOfId } from './common.js';
import type { FeedFile, FeedParser } from './types.js';
import { readYaml } from './yaml-doc.js';

/**
 * OSV records (https://ossf.github.io/osv-schema/) as JSON or YAML, one record per file;
 * GitHub Advisory Database records are OSV too and carry GHSA's own rating in
 * `database_specific.severity`.
 */
const eventSchema = z
  .object({
    introduced: z.string().optional(),
    fixed: z.string().optional(),
    last_affected: z.string().optional(),
    limit: z.string().optional(),
  })
  .transform((e) => {
    if (e.introduced !== undefined) return { introduced: e.introduced };
    if (e.fixed !== undefined) return { fixed: e.fixed };
    if (e.last_affected !== undefined) return { last_affected: e.last_affected };
    if (e.limit !== undefined) return { limit: e.limit };
    return undefined;
  });

const rangeSchema = z.object({
  type: z.enum(['SEMVER', 'ECOSYSTEM', 'GIT']),
  repo: z.string().optional(),
  events: z.array(eventSchema).min(1),
});

const affectedSchema = z.object({
  package: z.object({
    ecosystem: z.string().min(1),
    name: z.string().min(1),
    purl: z.string().optional(),
  }),
  ranges: z.array(rangeSchema).optional(),
  versions: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

const recordSchema = z.object({
  id: z.string().min(1),
  modified: z.unknown().optional(),
  published: z.unknown().optional(),
  withdrawn: z.unknown().optional(),
  aliases: z.array(z.string()).nullish(),
  upstream: z.array(z.string()).nullish(),
  summary: z.string().nullish(),
  details: z.string().nullish(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).nullish(),
  affected: z.array(z.unknown()).nullish(),
  references: z.array(z.object({ url: z.string() }).loose()).nullish(),
  database_specific: z.record(z.string(), z.unknown()).nullish(),
});

/** Ecosystem prefixes whose packages are a distro's; their own rating wins for them. */
const DISTROS = new Set([
  'Debian',
  'Ubuntu',
  'Alpine',
  'AlmaLinux',
  'Rocky',
  'Wolfi',
  'Chainguard',
]);

export const osvParser: FeedParser = {
  format: 'osv',
  detect({ path, head }) {
    if (/\.json$/i.test(path))
      return /"id"\s*:/.test(head) && /"(affected|modified)"\s*:/.test(head);
    if (/\.ya?ml$/i.test(path))
      return /^id:\s*\S/m.test(head) && /^(affected|modified):/m.test(head);
    return false;
  },
  parse(file) {
    const result = emptyResult();
    const raw = readDocument(file);
    if (!raw.ok) {
      result.problems.push(problem(file.path, raw.reason));
      return result;
    }

    const advisory = fromOsv(raw.value, file.path, result);
    if (advisory) result.advisories.push(advisory);
    return result;
  },
};

function readDocument(
  file: FeedFile,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  return /\.ya?ml$/i.test(file.path) ? readYaml(file.text) : parseJson(file.text);
}

/** Converts one OSV record; bad `affected[]` entries are reported and the rest kept. */
export function fromOsv(value: unknown, path: string, result: FeedResult): Advisory | undefined {
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    result.problems.push(problem(path, schemaReason(parsed.error)));
    return undefined;
  }

  const rec = parsed.data;
  const advisory = newAdvisory(rec.id);
  advisory.aliases = [...new Set([...(rec.aliases ?? []), ...(rec.upstream ?? [])])];
  advisory.summary = rec.summary ?? undefined;
  advisory.details = rec.details ?? undefined;
  advisory.published = isoDate(rec.published);
  advisory.modified = isoDate(rec.modified);
  advisory.withdrawn = isoDate(rec.withdrawn);
  advisory.references = (rec.references ?? []).map((r) => r.url);

  const source = sourceOfId(rec.id);
  advisory.severities = toSeverities(rec.severity ?? [], source, rec.database_specific);
  advisory.cwes = cweIds(rec.database_specific);

  const distroRating = (rec.severity ?? []).find((s) => !s.type.startsWith('CVSS'))?.score;
  for (const [i, entry] of (rec.affected ?? []).entries()) {
    const affected = toAffected(entry, distroRating);
    if (typeof affected === 'string') {
      result.problems.push(problem(path, `${rec.id} affected[${i}]: ${affected}`));
    } else {
      advisory.affected.push(affected);
    }
  }
  return advisory;
}

function toAffected(entry: unknown, distroRating: string | undefined): AffectedPackage | string {
  const parsed = affectedSchema.safeParse(entry);
  if (!parsed.success) return schemaReason(parsed.error);

  const a = parsed.data;
  const ranges: RangeSpec[] = (a.ranges ?? []).map((r) => ({
    type: r.type,
    events: r.events.filter((e) => e !== undefined),
    ...(r.repo ? { repo: r.repo } : {}),
  }));
  const affected: AffectedPackage = {
    ecosystem: a.package.ecosystem,
    name: a.package.name,
    ranges,
    versions: a.versions ?? [],
  };
  if (a.package.purl) affected.purl = a.package.purl;

  const family = a.package.ecosystem.split(':')[0] ?? '';
  if (DISTROS.has(family) && distroRating) affected.severity = distroRating.toLowerCase();
  return affected;
}

function toSeverities(
  list: Array<{ type: string; score: string }>,
  source: string,
  dbSpecific: Record<string, unknown> | null | undefined,
): Severity[] {
  const out: Severity[] = list.map((s) =>
    s.type.startsWith('CVSS')
      ? { source, type: s.type, vector: s.score }
      : { source, type: 'rating', rating: s.score.toLowerCase() },
  );

  const ghsa = dbSpecific?.severity;
  if (typeof ghsa === 'string' && ghsa !== '') {
    out.push({ source, type: 'rating', rating: ghsa.toLowerCase() });
  }
  return out;
}

function cweIds(dbSpecific: Record<string, unknown> | null | undefined): string[] {
  const ids = dbSpecific?.cwe_ids;
  if (!Array.isArray(ids)) return [];
  return ids.filter((id): id is string => typeof id === 'string' && /^CWE-\d+$/.test(id));
}
