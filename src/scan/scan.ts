import { LayerCache } from '../cache/layer-cache.js';
import { buildInventory } from '../catalog/assemble.js';
import type { CatalogMode } from '../catalog/cataloger.js';
import { catalogersFor } from '../catalog/registry.js';
import type { Inventory } from '../catalog/types.js';
import { DEFAULT_PLATFORM } from '../image/platform.js';
import type { OpenedImage, Platform } from '../image/types.js';
import type { Consumer, WalkEvent } from '../layer/index.js';
import { walkDirectory, walkImage } from '../layer/index.js';
import type { WalkResult } from '../layer/walk-result.js';
import { imageTarget, openTarget, type ScanTarget } from './target.js';
import { summariseWalk, type WalkSummary } from './walk-report.js';

/** What one scan produced, before any renderer formats it. */
export interface ScanReport {
  target: ScanTarget;
  walk: WalkSummary;
  inventory: Inventory;
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
  /** Consumers beyond the catalogers (secret, misconfiguration scanners). */
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
    const walk = await walkImage(image, consumersFor('image', options.consumers), {
      cache: options.useCache === false ? undefined : new LayerCache(options.cacheDir),
      onEvent: options.onEvent,
    });
    const report = {
      target: imageTarget(image),
      walk: summariseWalk(walk, image),
      inventory: inventoryOf(walk),
    };
    return { report, walk, image };
  } finally {
    await image.close();
  }
}

export async function scanFilesystem(
  dir: string,
  options: { skipDirs?: string[]; consumers?: Consumer[] } = {},
): Promise<Scanned> {
  const walk = await walkDirectory(dir, consumersFor('fs', options.consumers), options);
  const target: ScanTarget = { kind: 'filesystem', name: dir };
  return { report: { target, walk: summariseWalk(walk), inventory: inventoryOf(walk) }, walk };
}

function consumersFor(mode: CatalogMode, extra: Consumer[] = []): Consumer[] {
  return [...catalogersFor(mode), ...extra];
}

function inventoryOf(walk: WalkResult): Inventory {
  return buildInventory((name) => walk.results(name), walk.layers);
}
