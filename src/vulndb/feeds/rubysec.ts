import { z } from 'zod';
import type { Advisory, Severity } from '../model.js';
import { newAdvisory } from '../model.js';
import { unaffectedList } from './native-range.js';
import type { FeedParser } from './types.js';
import { parseYamlRecord } from './yaml-doc.js';

/**
 * ruby-advisory-db records (gems/NAME/ID.yml, rubies/ENGINE/ID.yml): affected versions are
 * everything not matched by `patched_versions` or `unaffected_versions` (RubyGems
 * requirements). Interpreter advisories go under the drydock-only ecosystem `Ruby`.
 */
const listOf = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

const recordSchema = z
  .object({
    gem: z.string().min(1).nullish(),
    engine: z.string().min(1).nullish(),
    cve: z.string().nullish(),
    ghsa: z.string().nullish(),
    osvdb: z.string().nullish(),
    url: z.string().nullish(),
    title: z.string().nullish(),
    date: z.string().nullish(),
    description: z.string().nullish(),
    cvss_v2: z.string().nullish(),
    cvss_v3: z.string().nullish(),
    cvss_v4: z.string().nullish(),
    patched_versions: listOf,
    unaffected_versions: listOf,
  })
  .refine((r) => r.gem || r.engine, { message: 'neither gem nor engine is named' });

export const rubysecParser: FeedParser = {
  format: 'rubysec',
  detect({ path, head }) {
    return /\.ya?ml$/i.test(path) && /^(gem|engine):\s*\S/m.test(head);
  },
  parse(file) {
    return parseYamlRecord(file, recordSchema, toAdvisory);
  },
};

function toAdvisory(rec: z.infer<typeof recordSchema>, path: string): Advisory {
  const ids = [
    rec.cve ? `CVE-${rec.cve}` : undefined,
    rec.ghsa ? `GHSA-${rec.ghsa}` : undefined,
    rec.osvdb ? `OSVDB-${rec.osvdb}` : undefined,
  ].filter((id): id is string => id !== undefined);
  const fallback =
    path
      .split('/')
      .at(-1)
      ?.replace(/\.ya?ml$/i, '') ?? path;

  const advisory = newAdvisory(ids[0] ?? fallback);
  advisory.aliases = ids.slice(1);
  advisory.summary = rec.title ?? undefined;
  advisory.details = rec.description ?? undefined;
  advisory.published = rec.date ?? undefined;
  if (rec.url) advisory.references.push(rec.url);
  advisory.severities = scores(rec);

  const safe = [...rec.patched_versions, ...rec.unaffected_versions];
  const ranges =
    safe.length === 0
      ? [{ type: 'ECOSYSTEM' as const, events: [{ introduced: '0' }] }]
      : unaffectedList(safe);
  advisory.affected.push({
    ecosystem: rec.gem ? 'RubyGems' : 'Ruby',
    name: (rec.gem ?? rec.engine)!,
    ranges,
    versions: [],
  });
  return advisory;
}

function scores(rec: z.infer<typeof recordSchema>): Severity[] {
  const out: Severity[] = [];
  const pairs: Array<[string, string | null | undefined]> = [
    ['CVSS_V2', rec.cvss_v2],
    ['CVSS_V3', rec.cvss_v3],
    ['CVSS_V4', rec.cvss_v4],
  ];

  for (const [type, value] of pairs) {
    const score = Number(value);
    if (value && Number.isFinite(score)) out.push({ source: 'rubysec', type, score });
  }
  return out;
}
