import { z } from 'zod';
import type { Advisory, AffectedPackage, DistroStatus } from '../model.js';
import { emptyResult, fixedAt, newAdvisory } from '../model.js';
import { parseJson, problem, schemaReason } from './common.js';
import { debianEcosystem } from './releases.js';
import type { FeedParser } from './types.js';

/**
 * The Debian security tracker's JSON export (security-tracker.debian.org/tracker/data/json):
 * `{ package: { "CVE-...": { description, releases: { codename: { status,
 * fixed_version, urgency, nodsa_reason } } } } }`. A `fixed_version` of `0` means the
 * release was never affected.
 */
const releaseSchema = z.object({
  status: z.string(),
  fixed_version: z.string().optional(),
  urgency: z.string().optional(),
  nodsa_reason: z.string().optional(),
});

const issueSchema = z.object({
  description: z.string().optional(),
  releases: z.record(z.string(), releaseSchema),
});

export const debianJsonParser: FeedParser = {
  format: 'debian-json',
  detect({ path, head }) {
    return /\.json$/i.test(path) && /^\s*\{\s*"[^"]+"\s*:\s*\{\s*"(CVE|TEMP)-/.test(head);
  },
  parse(file) {
    const result = emptyResult();
    const doc = parseJson(file.text);
    if (!doc.ok || typeof doc.value !== 'object' || doc.value === null) {
      result.problems.push(problem(file.path, doc.ok ? 'not an object of packages' : doc.reason));
      return result;
    }

    const byId = new Map<string, Advisory>();
    for (const [pkg, issues] of Object.entries(doc.value)) {
      if (typeof issues !== 'object' || issues === null) {
        result.problems.push(problem(`${file.path}#${pkg}`, 'package entry is not an object'));
        continue;
      }

      for (const [id, raw] of Object.entries(issues)) {
        const parsed = issueSchema.safeParse(raw);
        if (!parsed.success) {
          result.problems.push(problem(`${file.path}#${pkg}/${id}`, schemaReason(parsed.error)));
          continue;
        }
        addIssue(byId, pkg, id, parsed.data);
      }
    }
    result.advisories.push(...byId.values());
    return result;
  },
};

function addIssue(
  byId: Map<string, Advisory>,
  pkg: string,
  id: string,
  issue: z.infer<typeof issueSchema>,
): void {
  let advisory = byId.get(id);
  if (!advisory) {
    advisory = newAdvisory(id);
    advisory.details = issue.description;
    byId.set(id, advisory);
  }

  for (const [codename, rel] of Object.entries(issue.releases)) {
    advisory.affected.push(releaseEntry(pkg, codename, rel));
  }
}

function releaseEntry(
  name: string,
  codename: string,
  rel: z.infer<typeof releaseSchema>,
): AffectedPackage {
  const affected: AffectedPackage = {
    ecosystem: debianEcosystem(codename),
    name,
    ranges: [],
    versions: [],
    status: releaseStatus(rel),
  };

  if (affected.status === 'fixed' && rel.fixed_version)
    affected.ranges.push(fixedAt(rel.fixed_version));
  const urgency = rel.urgency?.replace(/\*+$/, '');
  if (urgency && urgency !== 'not yet assigned' && urgency !== 'end-of-life') {
    affected.severity = urgency;
  }
  return affected;
}

function releaseStatus(rel: z.infer<typeof releaseSchema>): DistroStatus {
  if (rel.urgency === 'end-of-life') return 'end-of-life';
  if (rel.status === 'resolved') return rel.fixed_version === '0' ? 'not-affected' : 'fixed';
  if (rel.nodsa_reason === 'ignored') return 'will-not-fix';
  return 'unfixed';
}
