export { compileConsumers, consumerKey } from './consumers.js';
export type { LayerRecord, LayerValues } from './layer-record.js';
export { DEFAULT_LIMITS, type WalkLimits } from './limits.js';
export { type PlacedEntry, type RemovedEntry, SquashedView } from './squash.js';
export type * from './types.js';
export { type DirectoryWalkOptions, walkDirectory } from './walk-directory.js';
export { type WalkEvent, type WalkOptions, walkImage } from './walk-image.js';
export { WalkResult } from './walk-result.js';
