import { z } from 'zod';
import { DrydockError } from '../errors.js';
import { isDigest } from './digest.js';
import type { Descriptor, ImageConfig, LayerRef } from './types.js';

/** Media types from the OCI image spec (media-types.md) and Docker's schema 2. */
export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
} as const;

export const MANIFEST_ACCEPT = [
  MEDIA.ociIndex,
  MEDIA.ociManifest,
  MEDIA.dockerList,
  MEDIA.dockerManifest,
].join(', ');

const digestSchema = z.string().refine(isDigest, 'invalid digest');

const platformSchema = z.object({
  os: z.string(),
  architecture: z.string(),
  variant: z.string().optional(),
});

export const descriptorSchema = z.object({
  mediaType: z.string().default(''),
  digest: digestSchema,
  size: z.number().int().nonnegative(),
  platform: platformSchema.optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

export const indexSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(descriptorSchema),
  annotations: z.record(z.string(), z.string()).optional(),
});

export const manifestSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  config: descriptorSchema,
  layers: z.array(descriptorSchema),
});

export const configSchema = z
  .object({
    architecture: z.string().optional(),
    os: z.string().optional(),
    variant: z.string().optional(),
    created: z.string().optional(),
    config: z
      .object({
        User: z.string().optional(),
        Env: z.array(z.string()).nullish(),
        Cmd: z.array(z.string()).nullish(),
        Entrypoint: z.array(z.string()).nullish(),
        Labels: z.record(z.string(), z.string()).nullish(),
        ExposedPorts: z.record(z.string(), z.unknown()).nullish(),
        Healthcheck: z
          .object({ Test: z.array(z.string()).nullish() })
          .passthrough()
          .nullish(),
        WorkingDir: z.string().optional(),
      })
      .passthrough()
      .nullish(),
    rootfs: z.object({ type: z.string(), diff_ids: z.array(digestSchema) }),
    history: z
      .array(
        z.object({
          created: z.string().optional(),
          created_by: z.string().optional(),
          comment: z.string().optional(),
          empty_layer: z.boolean().optional(),
        }),
      )
      .nullish(),
  })
  .passthrough();

export type IndexDoc = z.infer<typeof indexSchema>;
export type ManifestDoc = z.infer<typeof manifestSchema>;

/** Parses untrusted JSON with a schema; the error names the document and the first issue. */
export function parseJson<T>(bytes: Uint8Array, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    throw new DrydockError('MANIFEST_INVALID', `${what} is not valid JSON`, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new DrydockError('MANIFEST_INVALID', `${what} is invalid at ${where}: ${issue?.message}`);
  }
  return parsed.data;
}

/** True when a document (by its media type or shape) is an index or manifest list. */
export function isIndex(mediaType: string | undefined, raw: unknown): boolean {
  if (mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList) return true;
  if (mediaType === MEDIA.ociManifest || mediaType === MEDIA.dockerManifest) return false;
  return (
    typeof raw === 'object' &&
    raw !== null &&
    Array.isArray((raw as { manifests?: unknown }).manifests)
  );
}

export function normaliseConfig(config: z.infer<typeof configSchema>): ImageConfig {
  const c = config.config ?? undefined;
  return {
    ...config,
    config: c
      ? {
          ...c,
          Env: c.Env ?? undefined,
          Cmd: c.Cmd ?? undefined,
          Entrypoint: c.Entrypoint ?? undefined,
          Labels: c.Labels ?? undefined,
          ExposedPorts: c.ExposedPorts ?? undefined,
          Healthcheck: c.Healthcheck ? { Test: c.Healthcheck.Test ?? undefined } : undefined,
        }
      : undefined,
    history: config.history ?? undefined,
  } as ImageConfig;
}

/**
 * Pairs manifest layers with the config's diff-ids and history steps. History entries
 * marked `empty_layer` wrote no layer, so the n-th non-empty entry belongs to layer n.
 */
export function layersOf(layers: Descriptor[], config: ImageConfig, where: string): LayerRef[] {
  const diffIds = config.rootfs.diff_ids;
  if (diffIds.length !== layers.length) {
    throw new DrydockError(
      'CONFIG_INVALID',
      `${where}: manifest lists ${layers.length} layers, ` +
        `the config ${diffIds.length} diff-ids`,
    );
  }

  const steps = (config.history ?? []).map((h, i) => ({ h, i })).filter(({ h }) => !h.empty_layer);
  const historyAligned = steps.length === layers.length;

  return layers.map((desc, index) => {
    const step = historyAligned ? steps[index] : undefined;
    return {
      index,
      digest: desc.digest,
      diffId: diffIds[index]!,
      size: desc.size,
      mediaType: desc.mediaType,
      historyIndex: step?.i,
      createdBy: step?.h.created_by,
    };
  });
}
