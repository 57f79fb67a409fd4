/**
 * drydock's library API. Everything exported here is public and versioned with the
 * package; everything else is internal.
 */

export { LayerCache } from './cache/layer-cache.js';
export { causeChain, DrydockError, type ErrorCode, isDrydockError } from './errors.js';
export { DigestVerifier, digestOf } from './image/digest.js';
export { DEFAULT_PLATFORM, formatPlatform, parsePlatform } from './image/platform.js';
export { openImage, openInput } from './image/sources.js';
export type * from './image/types.js';
export {
  DEFAULT_LIMITS,
  SquashedView,
  type WalkEvent,
  type WalkLimits,
  type WalkOptions,
  WalkResult,
  walkDirectory,
  walkImage,
} from './layer/index.js';
export type * from './layer/types.js';
export { type ImageScanOptions, type ScanReport, scanFilesystem, scanImage } from './scan/scan.js';
export type { ScanTarget } from './scan/target.js';
export { VERSION } from './version.js';
export {
  compareVersions,
  evaluateOsv,
  evaluateTracker,
  isValidVersion,
  knownEcosystems,
  type RangeResult,
  satisfies,
} from './versioning/index.js';
export type { AdvisoryRecord, DbStatus } from './vulndb/index.js';
export { defaultDbPath, openDb, VulnDb } from './vulndb/index.js';
