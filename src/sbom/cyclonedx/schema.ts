import { z } from 'zod';

/**
 * The parts of a CycloneDX 1.2-1.6 JSON document the reader uses. Loose on purpose: unknown
 * fields are ignored, and components and licenses are validated one at a time so a broken
 * one is reported and the rest are kept.
 */
const text = z.string().max(1_000_000);

export const propertySchema = z.object({ name: text, value: text.optional().default('') });

export const expressionSchema = z.looseObject({ expression: text });

export const licenseSchema = z.looseObject({
  license: z.looseObject({ id: text.optional(), name: text.optional() }),
});

export const componentSchema = z.looseObject({
  'bom-ref': text.optional(),
  type: text,
  name: text,
  version: text.optional(),
  description: text.optional(),
  purl: text.optional(),
  licenses: z.array(z.unknown()).optional(),
  properties: z.array(z.unknown()).optional(),
  evidence: z
    .looseObject({
      occurrences: z.array(z.looseObject({ location: text })).optional(),
    })
    .optional(),
  components: z.array(z.unknown()).optional(),
});

export type CdxComponentIn = z.infer<typeof componentSchema>;

export const bomSchema = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.enum(['1.2', '1.3', '1.4', '1.5', '1.6']),
  metadata: z
    .looseObject({
      component: z.unknown().optional(),
      properties: z.array(z.unknown()).optional(),
    })
    .optional(),
  components: z.array(z.unknown()).optional(),
});

/** One line naming the first few things zod found wrong, with their JSON paths. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
