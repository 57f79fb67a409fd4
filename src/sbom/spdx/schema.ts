import { z } from 'zod';

/**
 * The parts of an SPDX 2.2 or 2.3 JSON document the reader uses. Packages are validated
 * one at a time so a broken one is reported and the rest are kept.
 */
const text = z.string().max(1_000_000);

export const annotationSchema = z.looseObject({ annotator: text.optional(), comment: text });

export const externalRefSchema = z.looseObject({
  referenceCategory: text.optional(),
  referenceType: text,
  referenceLocator: text,
});

export const packageSchema = z.looseObject({
  SPDXID: text,
  name: text,
  versionInfo: text.optional(),
  licenseDeclared: text.optional(),
  primaryPackagePurpose: text.optional(),
  externalRefs: z.array(z.unknown()).optional(),
  annotations: z.array(z.unknown()).optional(),
});

export type SpdxPackageIn = z.infer<typeof packageSchema>;

export const relationshipSchema = z.looseObject({
  spdxElementId: text,
  relationshipType: text,
  relatedSpdxElement: text,
});

export const documentSchema = z.looseObject({
  spdxVersion: z.enum(['SPDX-2.2', 'SPDX-2.3']),
  SPDXID: text,
  name: text.optional(),
  documentDescribes: z.array(text).optional(),
  packages: z.array(z.unknown()).optional(),
  relationships: z.array(z.unknown()).optional(),
  annotations: z.array(z.unknown()).optional(),
  hasExtractedLicensingInfos: z
    .array(
      z.looseObject({ licenseId: text, extractedText: text.optional(), name: text.optional() }),
    )
    .optional()
    .catch(undefined),
});

export type SpdxDocumentIn = z.infer<typeof documentSchema>;
