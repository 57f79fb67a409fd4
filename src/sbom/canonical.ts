import { createHash } from 'node:crypto';
import type { CatalogProblem, Inventory, Package } from '../catalog/types.js';
import { DrydockError } from '../errors.js';

/**
 * The canonical order every writer emits and every reader returns, so a document written
 * twice is byte-identical and a round trip compares equal. Plain code-unit comparison, not
 * localeCompare: the order MUST NOT depend on the machine's locale.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function firstLocation(pkg: Package): string {
  const loc = pkg.locations[0];
  if (loc === undefined) return '';
  return `${loc.path}\u0000${loc.layer ?? -1}`;
}

export function comparePackages(a: Package, b: Package): number {
  return (
    compareText(a.type, b.type) ||
    compareText(a.name, b.name) ||
    compareText(a.version, b.version) ||
    compareText(a.purl, b.purl) ||
    compareText(firstLocation(a), firstLocation(b))
  );
}

function compareProblems(a: CatalogProblem, b: CatalogProblem): number {
  return (
    compareText(a.cataloger, b.cataloger) ||
    compareText(a.path, b.path) ||
    (a.layer ?? -1) - (b.layer ?? -1) ||
    compareText(a.message, b.message)
  );
}

/** A copy in canonical order; the packages' own lists (locations, files) keep their order. */
export function sortInventory(inventory: Inventory): Inventory {
  const sorted: Inventory = {
    packages: [...inventory.packages].sort(comparePackages),
    problems: [...inventory.problems].sort(compareProblems),
  };
  if (inventory.distro !== undefined) sorted.distro = inventory.distro;
  return sorted;
}

/**
 * One reference per package, unique within the document and stable across runs: the purl
 * when no other package shares it, else the purl with a numbered fragment in canonical order.
 */
export function packageRefs(packages: readonly Package[]): string[] {
  const counts = new Map<string, number>();
  for (const pkg of packages) counts.set(pkg.purl, (counts.get(pkg.purl) ?? 0) + 1);

  const seen = new Map<string, number>();
  return packages.map((pkg) => {
    const base = pkg.purl || `drydock:${pkg.type}/${pkg.name}@${pkg.version}`;
    if ((counts.get(pkg.purl) ?? 0) < 2 && pkg.purl !== '') return base;

    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}#${n}`;
  });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A name-based UUID (RFC 4122 version 5 layout, SHA-256 truncated) so serial numbers and
 * namespaces are stable for the same content instead of random per run.
 */
export function stableUuid(seed: string): string {
  const hex = sha256Hex(seed).slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** ISO 8601 UTC to the second, the form SPDX requires and CycloneDX accepts. */
export function isoSeconds(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) {
    throw new DrydockError('USAGE', `invalid sbom timestamp ${JSON.stringify(timestamp)}`);
  }
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
