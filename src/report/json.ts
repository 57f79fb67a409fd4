import { z } from 'zod';
import type { ScanResult, SeverityLevel } from '../findings/types.js';
import { SEVERITY_ORDER } from '../findings/types.js';
import { log } from '../log.js';
import { SEVERITIES } from '../misconfig/types.js';
import { describeIssues } from '../sbom/cyclonedx/schema.js';
import { inventoryDocumentSchema } from '../sbom/inventory-json.js';
import { PACKAGE_TYPES } from '../sbom/properties.js';
import { normaliseResult } from './model.js';
import type { ReportOptions } from './types.js';

/**
 * `--format json`: the scan result as drydock's own versioned document. The zod schema
 * below is the definition; docs/report-json.md describes it for people. `schemaVersion`
 * is bumped on any change a reader could notice: a new major for removals, renames and
 * changed meanings, a new minor for added optional fields.
 */
export const RESULT_SCHEMA_VERSION = '1.0';

const text = z.string().max(1_000_000);
const index = z.number().int().nonnegative();
const inventory = inventoryDocumentSchema.shape;
const severityLevel = z.enum(SEVERITY_ORDER as [SeverityLevel, ...SeverityLevel[]]);
const packageType = z.enum(PACKAGE_TYPES as [string, ...string[]]);
const fraction = z.number().min(0).max(1);

const findingPackage = z.strictObject({
  name: text,
  version: text,
  type: packageType,
  purl: text,
  ecosystem: text,
  source: z.strictObject({ name: text, version: text }).optional(),
});

const vulnerability = z.strictObject({
  id: text,
  aliases: z.array(text),
  package: findingPackage,
  installedVersion: text,
  fixedVersions: z.array(text),
  status: z.enum(['fixed', 'unfixed', 'will-not-fix', 'end-of-life']),
  paths: z.array(text),
  layer: z
    .strictObject({
      index,
      diffId: text,
      historyIndex: index.optional(),
      createdBy: text.optional(),
    })
    .optional(),
  severity: z.strictObject({ level: severityLevel, source: text }),
  cvss: z.array(
    z.strictObject({
      version: z.enum(['2.0', '3.0', '3.1', '4.0']),
      vector: text,
      score: z.number().min(0).max(10),
      source: text,
    }),
  ),
  kev: z.boolean(),
  epss: z.strictObject({ score: fraction, percentile: fraction, date: text.optional() }).optional(),
  priority: z.strictObject({
    level: z.enum(['P0', 'P1', 'P2', 'P3', 'P4']),
    score: z.number(),
    reason: text,
  }),
  title: text.optional(),
  description: text.optional(),
  references: z.array(text),
  published: text.optional(),
  suppressed: z
    .strictObject({
      by: z.enum(['policy', 'ignore-file', 'vex']),
      reason: text,
      justification: text.optional(),
    })
    .optional(),
});

const unevaluated = z.strictObject({ package: findingPackage, advisory: text, reason: text });

const matchLayer = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('member'), name: text }),
  z.strictObject({ kind: z.literal('gzip') }),
  z.strictObject({ kind: z.literal('base64'), line: index }),
]);

const secretLocation = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('file'),
    path: text,
    layer: index,
    diffId: text,
    historyIndex: index.optional(),
    line: index,
    within: z.array(matchLayer).optional(),
    removedBy: index.optional(),
  }),
  z.strictObject({
    kind: z.literal('config'),
    field: z.enum(['Env', 'Labels', 'Cmd', 'Entrypoint', 'history']),
    key: text,
  }),
]);

const secret = z.strictObject({
  ruleId: text,
  title: text,
  category: text,
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  location: secretLocation,
  redacted: text,
  fingerprint: text,
  note: text.optional(),
});

const misconfiguration = z.strictObject({
  id: text,
  title: text,
  severity: z.enum(SEVERITIES as [string, ...string[]]),
  rationale: text,
  remedy: text,
  evidence: z.array(
    z.strictObject({
      detail: text,
      path: text.optional(),
      layer: index.optional(),
      line: index.optional(),
      historyIndex: index.optional(),
      createdBy: text.optional(),
    }),
  ),
});

const category = z.enum([
  'forbidden',
  'restricted',
  'reciprocal',
  'notice',
  'permissive',
  'unencumbered',
  'unknown',
]);

const license = z.strictObject({
  package: z.strictObject({ name: text, version: text, type: packageType, purl: text }),
  declared: z.array(text),
  expression: text,
  unknown: z.array(text),
  licenses: z.array(z.strictObject({ license: text, spdx: z.boolean(), category })),
  worst: category,
  main: text.optional(),
  locations: inventory.packages.element.shape.locations,
  notes: z.array(text).optional(),
});

export const scanResultSchema = z.strictObject({
  schemaVersion: z.string().regex(/^1\.\d+$/),
  generator: z.strictObject({ name: z.literal('drydock'), version: text }),
  createdAt: text,
  target: inventory.target,
  inventory: z.strictObject({
    distro: inventory.distro,
    packages: inventory.packages,
    problems: inventory.problems,
  }),
  vulnerabilities: z.array(vulnerability),
  unevaluated: z.array(unevaluated),
  secrets: z.array(secret),
  misconfigurations: z.array(misconfiguration),
  scanners: z.array(z.enum(['vuln', 'secret', 'misconfig', 'license'])),
  licenses: z.array(license).optional(),
  warnings: z.array(text).optional(),
  policy: z
    .strictObject({
      passed: z.boolean(),
      decisions: z.array(
        z.strictObject({
          id: text,
          purl: text,
          action: z.enum(['deny', 'warn', 'ignore']),
          by: text,
        }),
      ),
      expiredExceptions: z.array(
        z.strictObject({ ids: z.array(text), owner: text, reason: text, expires: text }),
      ),
    })
    .optional(),
});

export type ScanResultDocument = z.infer<typeof scanResultSchema>;

/**
 * Parsing through the schema also puts every object's keys in the schema's order, so the
 * bytes do not depend on how the producer happened to build the result.
 */
export function renderJsonReport(input: ScanResult, options: ReportOptions): string {
  const doc = { ...normaliseResult(input, options), schemaVersion: RESULT_SCHEMA_VERSION };
  const parsed = scanResultSchema.safeParse(doc);
  if (parsed.success) return `${JSON.stringify(parsed.data, null, 2)}\n`;

  // A result the schema does not describe is a drydock bug; the user still gets the data.
  log().warn({ issues: describeIssues(parsed.error) }, 'scan result does not match its schema');
  return `${JSON.stringify(doc, null, 2)}\n`;
}
