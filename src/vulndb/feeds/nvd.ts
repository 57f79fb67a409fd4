import { z } from 'zod';
import type { Enrichment, Severity } from '../model.js';
import { emptyResult } from '../model.js';
import { CVE_ID, parseJson, problem, schemaReason } from './common.js';
import type { FeedParser } from './types.js';

/**
 * NVD CVE API 2.0 responses (https://nvd.nist.gov/developers/vulnerabilities): used only
 * to enrich ids with CVSS metrics and CWE weaknesses; NVD's CPE configurations are not
 * matched against images.
 */
const cvssData = z.object({
  vectorString: z.string(),
  baseScore: z.number(),
  baseSeverity: z.string().optional(),
});

const metric = z.object({
  source: z.string().optional(),
  type: z.string().optional(),
  cvssData,
  baseSeverity: z.string().optional(),
});

const cveSchema = z.object({
  id: z.string().regex(CVE_ID, 'not a CVE id'),
  metrics: z
    .object({
      cvssMetricV40: z.array(metric).optional(),
      cvssMetricV31: z.array(metric).optional(),
      cvssMetricV30: z.array(metric).optional(),
      cvssMetricV2: z.array(metric).optional(),
    })
    .optional(),
  weaknesses: z
    .array(z.object({ description: z.array(z.object({ lang: z.string(), value: z.string() })) }))
    .optional(),
});

const pageSchema = z.object({
  format: z.literal('NVD_CVE'),
  vulnerabilities: z.array(z.object({ cve: z.unknown() })),
});

const METRIC_TYPES = [
  ['cvssMetricV40', 'CVSS_V4'],
  ['cvssMetricV31', 'CVSS_V3'],
  ['cvssMetricV30', 'CVSS_V3'],
  ['cvssMetricV2', 'CVSS_V2'],
] as const;

export const nvdParser: FeedParser = {
  format: 'nvd',
  detect({ path, head }) {
    return /\.json$/i.test(path) && /"format"\s*:\s*"NVD_CVE"/.test(head);
  },
  parse(file) {
    const result = emptyResult();
    const doc = parseJson(file.text);
    const page = doc.ok ? pageSchema.safeParse(doc.value) : undefined;
    if (!doc.ok || !page?.success) {
      result.problems.push(problem(file.path, doc.ok ? schemaReason(page!.error!) : doc.reason));
      return result;
    }

    for (const [i, item] of page.data.vulnerabilities.entries()) {
      const cve = cveSchema.safeParse(item.cve);
      if (!cve.success) {
        result.problems.push(
          problem(`${file.path}#vulnerabilities[${i}]`, schemaReason(cve.error)),
        );
        continue;
      }
      result.enrichments.push(toEnrichment(cve.data));
    }
    return result;
  },
};

function toEnrichment(cve: z.infer<typeof cveSchema>): Enrichment {
  const severities: Severity[] = [];
  for (const [key, type] of METRIC_TYPES) {
    // Primary metrics are NVD's own; secondary ones come from a CNA and say so.
    for (const m of cve.metrics?.[key] ?? []) {
      severities.push({
        source: m.type === 'Secondary' && m.source ? `nvd:${m.source}` : 'nvd',
        type,
        vector: m.cvssData.vectorString,
        score: m.cvssData.baseScore,
        rating: (m.cvssData.baseSeverity ?? m.baseSeverity)?.toLowerCase(),
      });
    }
  }

  const cwes = (cve.weaknesses ?? [])
    .flatMap((w) => w.description.map((d) => d.value))
    .filter((v) => /^CWE-\d+$/.test(v));
  return { id: cve.id, severities, cwes: [...new Set(cwes)] };
}
