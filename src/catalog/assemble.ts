import type { ConsumerResult, LayerOrigin } from '../layer/types.js';
import type { CatalogValue, FoundPackage } from './cataloger.js';
import { pickDistro } from './distro.js';
import { DPKG_CATALOGER } from './dpkg/index.js';
import { OS_RELEASE_CATALOGER } from './os-release/index.js';
import { applyDpkgFacts, markOwnedPackages } from './ownership.js';
import { purlFor } from './purl.js';
import { CATALOGERS } from './registry.js';
import type { CatalogProblem, Distro, Inventory, Package } from './types.js';

export type ResultsOf = (consumerName: string) => ConsumerResult<CatalogValue>[];

/**
 * Turns the catalogers' per-file values into the inventory. Only files present in the
 * squashed view count as installed: a value from a file a later layer deleted or replaced
 * describes something that is no longer in the image.
 */
export function buildInventory(results: ResultsOf, layers: LayerOrigin[]): Inventory {
  const live = (name: string) => results(name).filter((r) => r.removedBy === undefined && r.value);
  const problems = CATALOGERS.flatMap((c) => problemsOf(c.consumer.name, live(c.consumer.name)));

  const distro = pickDistro(live(OS_RELEASE_CATALOGER));
  const packages: Package[] = [];
  for (const { consumer } of CATALOGERS) {
    if (consumer.name === OS_RELEASE_CATALOGER) continue;
    for (const result of live(consumer.name)) {
      for (const found of result.value.packages ?? []) {
        packages.push(toPackage(found, result, layers, distro));
      }
    }
  }

  applyDpkgFacts(packages, live(DPKG_CATALOGER));
  markOwnedPackages(packages);

  const inventory: Inventory = { packages: sortPackages(mergeDuplicates(packages)), problems };
  if (distro) inventory.distro = distro;
  return inventory;
}

function toPackage(
  found: FoundPackage,
  result: ConsumerResult<CatalogValue>,
  layers: LayerOrigin[],
  distro: Distro | undefined,
): Package {
  const diffId = layers.find((layer) => layer.index === result.layer)?.diffId;
  const location = diffId
    ? { path: result.path, layer: result.layer, diffId }
    : { path: result.path, layer: result.layer };
  return { ...found, purl: purlFor(found, distro), locations: [location] };
}

function problemsOf(cataloger: string, results: ConsumerResult<CatalogValue>[]): CatalogProblem[] {
  return results.flatMap((result) =>
    (result.value.problems ?? []).map((problem) => ({
      cataloger,
      path: problem.path,
      layer: result.layer,
      message: problem.message,
    })),
  );
}

/** One package found in several files (a Go binary copied twice) keeps every location. */
function mergeDuplicates(packages: Package[]): Package[] {
  const byKey = new Map<string, Package>();
  for (const pkg of packages) {
    const key = `${pkg.purl}|${pkg.ownedBy ? `${pkg.ownedBy.type}:${pkg.ownedBy.name}` : ''}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, pkg);
      continue;
    }
    for (const location of pkg.locations) {
      if (!seen.locations.some((l) => l.path === location.path && l.layer === location.layer)) {
        seen.locations.push(location);
      }
    }
  }
  return [...byKey.values()];
}

function sortPackages(packages: Package[]): Package[] {
  for (const pkg of packages) pkg.locations.sort((a, b) => compare(a.path, b.path));
  return packages.sort(
    (a, b) =>
      compare(a.type, b.type) ||
      compare(a.name, b.name) ||
      compare(a.version, b.version) ||
      compare(a.purl, b.purl) ||
      compare(a.locations[0]?.path ?? '', b.locations[0]?.path ?? ''),
  );
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
