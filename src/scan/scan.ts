import { LayerCache } from '../cache/layer-cache.js';
import { DEFAULT_PLATFORM } from '../image/platform.js';
import type { OpenedImage, Platform } from '../image/types.js';
import type { Consumer, WalkEvent } from '../layer/index.js';
import { walkDirectory, walkImage } from '../layer/index.js';
import type { WalkResult } from '../layer/walk-result.js';
import { VERSION } from '../version.js';
import { imageTarget, openTarget, type ScanTarget } from './target.js';
import { summariseWalk, type WalkSummary } from './walk-report.js';

export const REPORT_SCHEMA_VERSION = 1;

/** The result model every renderer reads. */
export interface ScanReport {
  schemaVersion: number;
  drydock: string;
  createdAt: string;
  target: ScanTarget;
  walk: WalkSummary;
}

export interface ImageScanOptions {
  reference?: string;
  input?: string;
  platform?: Platform;
  insecure?: boolean;
  username?: string;
  password?: string;
  cacheDir: string;
  useCache?: boolean;
  consumers?: Consumer[];
  onOpened?: (image: OpenedImage) => void;
  onEvent?: (event: WalkEvent) => void;
}

export interface Scanned {
  report: ScanReport;
  walk: WalkResult;
  image?: OpenedImage;
}

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export async function scanImage(options: ImageScanOptions): Promise<Scanned> {
  const image = await openTarget(options.reference, options.input, {
    platform: options.platform ?? DEFAULT_PLATFORM,
    insecure: options.insecure ?? false,
    username: options.username,
    password: options.password,
    cacheDir: options.cacheDir,
    maxManifestBytes: MAX_MANIFEST_BYTES,
  });
  try {
    options.onOpened?.(image);
    const walk = await walkImage(image, options.consumers ?? [], {
      cache: options.useCache === false ? undefined : new LayerCache(options.cacheDir),
      onEvent: options.onEvent,
    });
    return { report: makeReport(imageTarget(image), summariseWalk(walk, image)), walk, image };
  } finally {
    await image.close();
  }
}

export async function scanFilesystem(
  dir: string,
  consumers: Consumer[] = [],
  skipDirs?: string[],
): Promise<Scanned> {
  const walk = await walkDirectory(dir, consumers, { skipDirs });
  const target: ScanTarget = { kind: 'filesystem', name: dir };
  return { report: makeReport(target, summariseWalk(walk)), walk };
}

function makeReport(target: ScanTarget, walk: WalkSummary): ScanReport {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    drydock: VERSION,
    createdAt: new Date().toISOString(),
    target,
    walk,
  };
}
