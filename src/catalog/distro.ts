import type { ConsumerResult } from '../layer/types.js';
import type { CatalogValue } from './cataloger.js';
import { RELEASE_FILES } from './os-release/index.js';
import type { Distro } from './types.js';

/**
 * The distro from the most trusted release file present. os-release wins; the older
 * distribution-specific files only stand in for images that have none, since a derived
 * distribution (Ubuntu ships /etc/debian_version too) would otherwise be misnamed.
 */
export function pickDistro(results: ConsumerResult<CatalogValue>[]): Distro | undefined {
  const byPath = new Map<string, Distro>();
  for (const result of results) {
    if (result.value.distro) byPath.set(result.path, result.value.distro);
  }

  for (const path of RELEASE_FILES) {
    const distro = byPath.get(path);
    if (distro) return { ...distro };
  }
  return undefined;
}
