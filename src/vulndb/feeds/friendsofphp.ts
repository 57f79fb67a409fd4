import { z } from 'zod';
import type { Advisory } from '../model.js';
import { newAdvisory } from '../model.js';
import { affectedExpression } from './native-range.js';
import type { FeedParser } from './types.js';
import { parseYamlRecord } from './yaml-doc.js';

/**
 * FriendsOfPHP security-advisories: one YAML file per advisory under vendor/package/,
 * `reference: composer://vendor/package`, and per branch a list of Composer constraints
 * that together bound the affected versions.
 */
const branchSchema = z.object({
  time: z.string().nullish(),
  versions: z.array(z.string()).min(1),
});

const recordSchema = z.object({
  title: z.string().nullish(),
  link: z.string().nullish(),
  cve: z.string().nullish(),
  reference: z.string().regex(/^composer:\/\/[^/\s]+\/[^/\s]+$/, 'not a composer:// reference'),
  branches: z.record(z.string(), branchSchema),
});

export const friendsOfPhpParser: FeedParser = {
  format: 'friendsofphp',
  detect({ path, head }) {
    return /\.ya?ml$/i.test(path) && /^reference:\s*['"]?composer:\/\//m.test(head);
  },
  parse(file) {
    return parseYamlRecord(file, recordSchema, toAdvisory);
  },
};

function toAdvisory(rec: z.infer<typeof recordSchema>, path: string): Advisory {
  const name = rec.reference.slice('composer://'.length).toLowerCase();
  const local = path
    .replace(/\.ya?ml$/i, '')
    .split('/')
    .slice(-3)
    .join('/');
  const advisory = newAdvisory(
    rec.cve && /^CVE-/.test(rec.cve) ? rec.cve : `FRIENDSOFPHP-${local}`,
  );
  advisory.summary = rec.title ?? undefined;
  if (rec.link) advisory.references.push(rec.link);

  const ranges = [];
  const versions = [];
  for (const branch of Object.values(rec.branches)) {
    const converted = affectedExpression(branch.versions.join(', '), 'ECOSYSTEM');
    ranges.push(...converted.ranges);
    versions.push(...converted.versions);
  }
  advisory.affected.push({ ecosystem: 'Packagist', name, ranges, versions });
  return advisory;
}
