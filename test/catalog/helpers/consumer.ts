import type { CatalogValue } from '../../../src/catalog/cataloger.js';
import type { Consumer, ConsumerResult, FileContext } from '../../../src/layer/types.js';

/** Runs a consumer on one file as the layer walk would, and checks it asked for the path. */
export async function extractFile(
  consumer: Consumer<CatalogValue>,
  path: string,
  bytes: Buffer | string,
  layer = 0,
): Promise<CatalogValue | undefined> {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const file: FileContext = {
    entry: { path, type: 'file', size: data.length, mode: 0o644, uid: 0, gid: 0, mtime: 0 },
    layer: { index: layer, diffId: `sha256:${String(layer).padStart(64, '0')}` },
  };
  const value = await consumer.extract(data, file);
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** A results lookup, as WalkResult.results gives it, from hand-built results. */
export function resultsOf(byName: Record<string, ConsumerResult<CatalogValue>[]>) {
  return (name: string) => byName[name] ?? [];
}

export function layerOrigins(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    index,
    diffId: `sha256:${String(index).padStart(64, '0')}`,
  }));
}
