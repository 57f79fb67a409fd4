import type { Inventory, Package } from '../catalog/types.js';
import type { UnevaluatedMatch, VulnerabilityFinding } from '../findings/types.js';
import { log } from '../log.js';
import type { AdvisoryRecord } from '../vulndb/reader.js';
import { findingsFor, type LayerInfo } from './findings.js';
import { matcherFor } from './registry.js';
import type { AdvisorySource, Hit, MatchContext } from './types.js';

export { computePriority, type PriorityInput } from './priority.js';
export { MATCHERS } from './registry.js';
export type { AdvisorySource, Hit, Lookup, MatchContext, Matcher } from './types.js';
export type { LayerInfo };

/**
 * Matches an inventory against the vulnerability DB:
 *
 *   const { vulnerabilities, unevaluated, warnings } = matchInventory(inventory, openDb(p));
 *
 * Every package goes to the first matcher in registry.ts that accepts it. Findings come
 * out sorted by priority, then id and package; pairs that could not be evaluated come out
 * as `unevaluated`, and whole families that could not be matched (an unknown distro) as
 * one warning each.
 */
export interface MatchResult {
  vulnerabilities: VulnerabilityFinding[];
  unevaluated: UnevaluatedMatch[];
  warnings: string[];
}

export function matchInventory(
  inventory: Inventory,
  db: AdvisorySource,
  options: { layers?: LayerInfo[] } = {},
): MatchResult {
  const ctx: MatchContext = { db: memoise(db) };
  if (inventory.distro) ctx.distro = inventory.distro;
  const result: MatchResult = { vulnerabilities: [], unevaluated: [], warnings: [] };
  const warnings = new Set<string>();

  for (const pkg of inventory.packages) {
    const hits = matchPackage(pkg, ctx);
    for (const hit of hits) if (hit.kind === 'unsupported') warnings.add(hit.reason);

    const { findings, unevaluated } = findingsFor(pkg, hits, options.layers ?? []);
    result.vulnerabilities.push(...findings);
    result.unevaluated.push(...unevaluated);
  }

  result.warnings = [...warnings].sort();
  result.vulnerabilities.sort(byPriority);
  return result;
}

function matchPackage(pkg: Package, ctx: MatchContext): Hit[] {
  const matcher = matcherFor(pkg);
  if (!matcher) return [];
  try {
    return matcher.match(pkg, ctx);
  } catch (err) {
    // One package's bad data must not lose the rest of the scan; it is reported instead.
    log().warn({ purl: pkg.purl, err }, 'matching a package failed');
    const lookup = { ecosystem: '', name: pkg.name, version: pkg.version };
    return [{ kind: 'unsupported', lookup, reason: `matching ${pkg.purl} failed` }];
  }
}

/** Binary packages of one source share lookups; a scan asks the DB once per name. */
function memoise(db: AdvisorySource): AdvisorySource {
  const cache = new Map<string, AdvisoryRecord[]>();
  return {
    advisoriesFor(ecosystem, name) {
      const key = `${ecosystem}\u0000${name}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = db.advisoriesFor(ecosystem, name);
        cache.set(key, hit);
      }
      return hit;
    },
  };
}

function byPriority(a: VulnerabilityFinding, b: VulnerabilityFinding): number {
  return (
    b.priority.score - a.priority.score ||
    cmp(a.id, b.id) ||
    cmp(a.package.name, b.package.name) ||
    cmp(a.package.purl, b.package.purl)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
