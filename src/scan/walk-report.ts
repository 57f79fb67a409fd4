import type { OpenedImage } from '../image/types.js';
import type { Diagnostic, WalkResult } from '../layer/index.js';

/** Per-layer facts every report shows: what each layer is and how much it holds. */
export interface LayerSummary {
  index: number;
  digest: string;
  diffId: string;
  size: number;
  createdBy?: string;
  entries: number;
  whiteouts: number;
  cached: boolean;
}

export interface WalkSummary {
  layers: LayerSummary[];
  files: number;
  removedFiles: number;
  diagnostics: Diagnostic[];
}

export function summariseWalk(walk: WalkResult, image?: OpenedImage): WalkSummary {
  const cached = new Set(walk.cachedLayers);
  const layers = walk.records.map((record, i) => {
    const ref = image?.layers[i];
    return {
      index: i,
      digest: ref?.digest ?? '',
      diffId: record.diffId,
      size: ref?.size ?? record.inflatedBytes,
      createdBy: ref?.createdBy,
      entries: record.entries.length,
      whiteouts: record.whiteouts.length + record.opaqueDirs.length,
      cached: cached.has(i),
    };
  });
  let files = 0;
  for (const placed of walk.squashed.entries()) if (placed.entry.type === 'file') files++;
  const removedFiles = walk.squashed.removed.filter((r) => r.entry.type === 'file').length;
  return { layers, files, removedFiles, diagnostics: walk.diagnostics };
}
