import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DrydockError } from '../errors.js';
import { isDigest } from '../image/digest.js';
import type { LayerRecord, LayerValues } from '../layer/layer-record.js';
import { log } from '../log.js';
import { writeFileAtomic } from './atomic-file.js';

/**
 * Per-layer results on disk, keyed by diff-id: the layer's entry record (keyed also by the
 * walk's own format version) and one file per consumer name and version. A layer whose
 * record and every wanted consumer file exist is never read again.
 */
export const WALK_FORMAT = 2;

interface Envelope<T> {
  format: number;
  diffId: string;
  data: T;
}

export class LayerCache {
  readonly root: string;

  constructor(cacheDir: string) {
    this.root = join(cacheDir, 'layers', `v${WALK_FORMAT}`);
  }

  async readRecord(diffId: string): Promise<LayerRecord | undefined> {
    return this.read<LayerRecord>(diffId, 'record.json');
  }

  async readValues(diffId: string, consumerKey: string): Promise<LayerValues | undefined> {
    return this.read<LayerValues>(diffId, valuesFile(consumerKey));
  }

  async write(
    diffId: string,
    record: LayerRecord,
    values: Map<string, LayerValues>,
  ): Promise<void> {
    for (const [key, data] of values) await this.put(diffId, valuesFile(key), data);
    // The record goes last: its presence is what makes a reader trust the directory.
    await this.put(diffId, 'record.json', record);
  }

  private dirOf(diffId: string): string {
    // MUST stay inside the cache: only a validated digest may become a directory name.
    if (!isDigest(diffId)) throw new DrydockError('CACHE_IO', `refusing cache key ${diffId}`);
    return join(this.root, diffId.replace(':', '-'));
  }

  private async put(diffId: string, file: string, data: unknown): Promise<void> {
    const envelope: Envelope<unknown> = { format: WALK_FORMAT, diffId, data };
    try {
      await writeFileAtomic(join(this.dirOf(diffId), file), JSON.stringify(envelope));
    } catch (err) {
      // A cache that cannot be written costs speed next time, never this scan's result.
      log().warn({ diffId, file, err: String(err) }, 'layer cache write failed');
    }
  }

  private async read<T>(diffId: string, file: string): Promise<T | undefined> {
    let text: string;
    try {
      text = await readFile(join(this.dirOf(diffId), file), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const envelope = JSON.parse(text) as Envelope<T>;
      if (envelope.format !== WALK_FORMAT || envelope.diffId !== diffId) return undefined;
      return envelope.data;
    } catch {
      log().debug({ diffId, file }, 'unreadable layer cache entry ignored');
      return undefined;
    }
  }
}

/** Consumer names come from code, but are still reduced to a safe file name. */
function valuesFile(consumerKey: string): string {
  return `${consumerKey.replace(/[^A-Za-z0-9@._-]/g, '_')}.json`;
}
