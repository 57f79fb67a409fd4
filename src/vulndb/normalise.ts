/**
 * Lookup keys. Ecosystems compare case-insensitively (`PyPI`, `pypi`); package names
 * follow each registry's own equivalence rules so the catalog's spelling finds the feed's.
 */
export function ecosystemKey(ecosystem: string): string {
  return ecosystem.trim().toLowerCase();
}

/** Registries whose names are case-insensitive. */
const CASE_INSENSITIVE = new Set(['npm', 'nuget', 'packagist', 'hex', 'pub', 'crates.io']);

export function packageKey(ecosystem: string, name: string): string {
  const base = ecosystemKey(ecosystem).split(':')[0] ?? '';
  const trimmed = name.trim();

  // PEP 503: runs of `-`, `_` and `.` are one separator, and case does not matter.
  if (base === 'pypi') return trimmed.toLowerCase().replace(/[-_.]+/g, '-');
  // crates.io treats `-` and `_` as the same character in names.
  if (base === 'crates.io') return trimmed.toLowerCase().replace(/_/g, '-');
  if (CASE_INSENSITIVE.has(base)) return trimmed.toLowerCase();
  return trimmed;
}
