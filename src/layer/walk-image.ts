import type { LayerCache } from '../cache/layer-cache.js';
import type { LayerRef, OpenedImage } from '../image/types.js';
import { log } from '../log.js';
import { type CompiledConsumer, compileConsumers, consumerKey } from './consumers.js';
import type { LayerRecord, LayerValues } from './layer-record.js';
import { DEFAULT_LIMITS, type WalkLimits } from './limits.js';
import type { Consumer, LayerOrigin } from './types.js';
import { walkLayerStream } from './walk-layer.js';
import { WalkResult } from './walk-result.js';

export type WalkEvent =
  | { kind: 'layer-start'; layer: number; size: number; cached: boolean }
  | { kind: 'layer-bytes'; layer: number; bytes: number }
  | { kind: 'layer-done'; layer: number };

export interface WalkOptions {
  cache?: LayerCache;
  limits?: Partial<WalkLimits>;
  /** Layers read at once; inflation runs on libuv's pool, so two keep both cores busy. */
  concurrency?: number;
  onEvent?: (event: WalkEvent) => void;
}

interface LayerOutcome {
  record: LayerRecord;
  values: Map<string, LayerValues>;
  cached: boolean;
}

/** Walks every layer of an image (from the cache where it can) and squashes the result. */
export async function walkImage(
  image: OpenedImage,
  consumers: Consumer[],
  options: WalkOptions = {},
): Promise<WalkResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const compiled = compileConsumers(consumers);
  const outcomes: LayerOutcome[] = new Array(image.layers.length);

  const queue = [...image.layers];
  const worker = async (): Promise<void> => {
    for (let layer = queue.shift(); layer; layer = queue.shift()) {
      outcomes[layer.index] = await walkOne(image, layer, compiled, limits, options);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 2, image.layers.length));
  await Promise.all(Array.from({ length: workers }, worker));

  const origins: LayerOrigin[] = image.layers.map((l) => ({
    index: l.index,
    diffId: l.diffId,
    historyIndex: l.historyIndex,
    createdBy: l.createdBy,
  }));
  return new WalkResult(
    origins,
    outcomes.map((o) => o.record),
    outcomes.map((o) => o.values),
    outcomes.flatMap((o, i) => (o.cached ? [i] : [])),
  );
}

async function walkOne(
  image: OpenedImage,
  layer: LayerRef,
  consumers: CompiledConsumer[],
  limits: WalkLimits,
  options: WalkOptions,
): Promise<LayerOutcome> {
  const emit = options.onEvent ?? (() => undefined);
  const hit = await fromCache(options.cache, layer, consumers);
  emit({ kind: 'layer-start', layer: layer.index, size: layer.size, cached: hit !== undefined });
  if (hit) {
    emit({ kind: 'layer-done', layer: layer.index });
    return hit;
  }

  log().debug({ layer: layer.index, digest: layer.digest }, 'reading layer');
  const raw = await image.openBlob({
    digest: layer.digest,
    size: layer.size,
    mediaType: layer.mediaType,
  });
  const out = await walkLayerStream(raw, layer, consumers, limits, (bytes) =>
    emit({ kind: 'layer-bytes', layer: layer.index, bytes }),
  );

  const values = new Map<string, LayerValues>();
  for (const c of consumers) values.set(consumerKey(c.consumer), out.values.get(c.consumer.name)!);
  await options.cache?.write(layer.diffId, out.record, values);
  emit({ kind: 'layer-done', layer: layer.index });
  return { record: out.record, values: out.values, cached: false };
}

async function fromCache(
  cache: LayerCache | undefined,
  layer: LayerRef,
  consumers: CompiledConsumer[],
): Promise<LayerOutcome | undefined> {
  if (!cache) return undefined;
  const record = await cache.readRecord(layer.diffId);
  if (!record) return undefined;

  const values = new Map<string, LayerValues>();
  for (const c of consumers) {
    const v = await cache.readValues(layer.diffId, consumerKey(c.consumer));
    if (!v) return undefined;
    values.set(c.consumer.name, v);
  }
  return { record, values, cached: true };
}
