import type { LayerRecord, LayerValues } from './layer-record.js';
import { SquashedView } from './squash.js';
import type { ConsumerResult, Diagnostic, LayerOrigin } from './types.js';

/** What a walk hands to the scanners: the squashed view and every consumer's values. */
export class WalkResult {
  readonly squashed: SquashedView;
  readonly diagnostics: Diagnostic[];

  constructor(
    readonly layers: LayerOrigin[],
    readonly records: LayerRecord[],
    private readonly values: Map<string, LayerValues>[],
    /** Layers served from the cache, by index. */
    readonly cachedLayers: number[],
  ) {
    this.squashed = SquashedView.build(records);
    this.diagnostics = [...records.flatMap((r) => r.diagnostics), ...this.squashed.diagnostics];
  }

  /**
   * One consumer's values across all layers, in layer order. A value whose file a later
   * layer deleted or replaced carries `removedBy`; callers that want the installed state
   * skip those, the secret scanner keeps them.
   */
  results<T>(consumerName: string): ConsumerResult<T>[] {
    const out: ConsumerResult<T>[] = [];
    this.values.forEach((byConsumer, layer) => {
      const values = byConsumer.get(consumerName);
      if (!values) return;
      for (const path of Object.keys(values).sort()) {
        const removedBy = this.squashed.removedBy(path, layer);
        const result: ConsumerResult<T> = { path, layer, value: values[path] as T };
        if (removedBy !== undefined) result.removedBy = removedBy;
        out.push(result);
      }
    });
    return out;
  }
}
