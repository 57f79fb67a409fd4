import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PLATFORM } from '../../src/image/platform.js';
import { openImage } from '../../src/image/sources.js';
import type { ImageConfig } from '../../src/image/types.js';
import { walkImage } from '../../src/layer/index.js';
import type { WalkResult } from '../../src/layer/walk-result.js';
import { checkImage, type Finding, misconfigConsumer } from '../../src/misconfig/index.js';
import {
  buildImage,
  buildLayer,
  type EntrySpec,
  writeOciLayout,
} from '../helpers/image-builder.js';

/** Builds a real image from entries and config, walks it with the misconfig consumer. */
export interface CraftedImage {
  layers: EntrySpec[][];
  config?: Record<string, unknown>;
  history?: Array<{ created_by?: string; empty_layer?: boolean }>;
}

export interface Crafted {
  config: ImageConfig;
  walk: WalkResult;
}

let counter = 0;

export async function craft(spec: CraftedImage): Promise<Crafted> {
  const dir = await mkdtemp(join(tmpdir(), 'drydock-misconfig-'));
  try {
    const layers = await Promise.all(spec.layers.map((entries) => buildLayer(entries)));
    const image = buildImage({ layers, config: spec.config ?? {}, history: spec.history });
    const layout = join(dir, `layout-${counter++}`);
    await writeOciLayout(layout, [{ image, tag: 't' }]);

    const opened = await openImage(`oci:${layout}:t`, {
      platform: DEFAULT_PLATFORM,
      insecure: false,
      cacheDir: join(dir, 'cache'),
      maxManifestBytes: 1 << 20,
    });
    const walk = await walkImage(opened, [misconfigConsumer]);
    await opened.close();
    return { config: opened.config, walk };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The findings of one check id on a crafted image, or undefined when it passed. */
export async function findingOf(id: string, spec: CraftedImage): Promise<Finding | undefined> {
  const { config, walk } = await craft(spec);
  return checkImage({ config, walk }).findings.find((f) => f.id === id);
}

/** A config that passes the runtime checks, so each test only trips what it sets up. */
export const CLEAN_CONFIG = {
  User: '1000:1000',
  Healthcheck: { Test: ['CMD', 'true'] },
};

/** A base layer with a shell, so the distroless-style checks see an ordinary image. */
export const BASE: EntrySpec[] = [
  { name: 'bin/', type: 'directory' },
  { name: 'bin/sh', content: 'shell', mode: 0o755 },
  { name: 'etc/', type: 'directory' },
  { name: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n' },
  { name: 'tmp/', type: 'directory', mode: 0o1777 },
];
