import { z } from 'zod';
import { emptyResult } from '../model.js';
import { CVE_ID, parseJson, problem, schemaReason } from './common.js';
import type { FeedParser } from './types.js';

/**
 * CISA's Known Exploited Vulnerabilities catalog, JSON form
 * (known_exploited_vulnerabilities.json, schema in cisagov/kev-data).
 */
const entrySchema = z.object({
  cveID: z.string().regex(CVE_ID, 'not a CVE id'),
  vendorProject: z.string().optional(),
  product: z.string().optional(),
  vulnerabilityName: z.string().optional(),
  dateAdded: z.string().min(1),
  dueDate: z.string().optional(),
  knownRansomwareCampaignUse: z.string().optional(),
});

const catalogSchema = z.object({
  catalogVersion: z.string(),
  vulnerabilities: z.array(z.unknown()),
});

export const kevParser: FeedParser = {
  format: 'kev',
  detect({ path, head }) {
    return /\.json$/i.test(path) && /"catalogVersion"\s*:\s*"/.test(head);
  },
  parse(file) {
    const result = emptyResult();
    const doc = parseJson(file.text);
    const catalog = doc.ok ? catalogSchema.safeParse(doc.value) : undefined;
    if (!doc.ok || !catalog?.success) {
      result.problems.push(problem(file.path, doc.ok ? schemaReason(catalog!.error!) : doc.reason));
      return result;
    }

    for (const [i, raw] of catalog.data.vulnerabilities.entries()) {
      const e = entrySchema.safeParse(raw);
      if (!e.success) {
        result.problems.push(problem(`${file.path}#vulnerabilities[${i}]`, schemaReason(e.error)));
        continue;
      }
      result.kev.push({
        cve: e.data.cveID,
        dateAdded: e.data.dateAdded,
        dueDate: e.data.dueDate,
        ransomware: e.data.knownRansomwareCampaignUse,
        vendor: e.data.vendorProject,
        product: e.data.product,
        name: e.data.vulnerabilityName,
      });
    }
    return result;
  },
};
