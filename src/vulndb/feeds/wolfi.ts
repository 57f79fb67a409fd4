import { z } from 'zod';
import type { Advisory, AffectedPackage, DistroStatus } from '../model.js';
import { emptyResult, fixedAt, newAdvisory } from '../model.js';
import { problem, schemaReason } from './common.js';
import type { FeedParser } from './types.js';
import { readYaml } from './yaml-doc.js';

/**
 * Wolfi advisory documents (wolfi-dev/advisories, schema 2.x): one file per package, each
 * advisory a list of timestamped events. The latest event decides the status, as in
 * Chainguard's own tooling.
 */
const eventSchema = z.object({
  timestamp: z.string(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()).nullish(),
});

const advisorySchema = z.object({
  id: z.string().min(1),
  aliases: z.array(z.string()).nullish(),
  events: z.array(eventSchema).min(1),
});

const docSchema = z.object({
  'schema-version': z.string(),
  package: z.object({ name: z.string().min(1) }),
  advisories: z.array(z.unknown()).nullish(),
});

const STATUS: Record<string, DistroStatus> = {
  fixed: 'fixed',
  'false-positive-determination': 'not-affected',
  'fix-not-planned': 'will-not-fix',
  'pending-upstream-fix': 'unfixed',
  'true-positive-determination': 'unfixed',
  detection: 'unfixed',
  'analysis-not-planned': 'unfixed',
};

export const wolfiParser: FeedParser = {
  format: 'wolfi',
  detect({ path, head }) {
    return /\.ya?ml$/i.test(path) && /^schema-version:/m.test(head) && /^package:/m.test(head);
  },
  parse(file) {
    const result = emptyResult();
    const raw = readYaml(file.text);
    const doc = raw.ok ? docSchema.safeParse(raw.value) : undefined;
    if (!raw.ok || !doc?.success) {
      result.problems.push(problem(file.path, raw.ok ? schemaReason(doc!.error!) : raw.reason));
      return result;
    }

    for (const [i, entry] of (doc.data.advisories ?? []).entries()) {
      const parsed = advisorySchema.safeParse(entry);
      if (!parsed.success) {
        result.problems.push(problem(`${file.path}#advisories[${i}]`, schemaReason(parsed.error)));
        continue;
      }
      result.advisories.push(toAdvisory(doc.data.package.name, parsed.data));
    }
    return result;
  },
};

function toAdvisory(pkg: string, rec: z.infer<typeof advisorySchema>): Advisory {
  const advisory = newAdvisory(rec.id);
  advisory.aliases = rec.aliases ?? [];

  const latest = [...rec.events].sort((a, b) => a.timestamp.localeCompare(b.timestamp)).at(-1);
  const affected: AffectedPackage = {
    ecosystem: 'Wolfi',
    name: pkg,
    ranges: [],
    versions: [],
    status: STATUS[latest?.type ?? ''] ?? 'unfixed',
  };

  const fixedVersion = latest?.data?.['fixed-version'];
  if (affected.status === 'fixed' && typeof fixedVersion === 'string') {
    affected.ranges.push(fixedAt(fixedVersion));
  }
  advisory.affected.push(affected);
  advisory.modified = latest?.timestamp;
  return advisory;
}
