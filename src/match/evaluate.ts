import { compareVersions, evaluateOsvTrusted, satisfies } from '../versioning/index.js';
import type { RangeResult } from '../versioning/types.js';
import type { AffectedPackage, RangeSpec } from '../vulndb/model.js';

/** What one affected entry says about one installed version, with the fixes that apply. */
export type EntryVerdict =
  | { kind: 'affected'; fixed: string[] }
  | { kind: 'not-affected' }
  | { kind: 'unknown'; reason: string };

type EventRange = Extract<RangeSpec, { events: unknown }>;
type NativeRange = Extract<RangeSpec, { type: 'NATIVE' }>;

/**
 * Judges one DB entry. A distro status decides alone when the entry has no ranges
 * (unfixed, will-not-fix, end-of-life are affected; not-affected is not). Ranges follow
 * the OSV evaluation rules through src/versioning; GIT ranges are commits, which no
 * package version can be ordered against, so they only count when nothing else is there.
 */
export function evaluateEntry(entry: AffectedPackage, version: string): EntryVerdict {
  if (entry.status === 'not-affected') return { kind: 'not-affected' };
  if (entry.ranges.length === 0 && entry.versions.length === 0) {
    if (entry.status && entry.status !== 'fixed') return { kind: 'affected', fixed: [] };
    return { kind: 'unknown', reason: 'entry has neither ranges nor versions' };
  }

  const eventRanges = entry.ranges.filter((r): r is EventRange => r.type !== 'NATIVE');
  const versionRanges = eventRanges.filter((r) => r.type !== 'GIT');
  const natives = entry.ranges.filter((r): r is NativeRange => r.type === 'NATIVE');
  if (versionRanges.length === 0 && natives.length === 0 && entry.versions.length === 0) {
    return {
      kind: 'unknown',
      reason: 'only GIT commit ranges, which versions cannot be ordered on',
    };
  }

  const verdicts = [
    ...versionRanges.map((range) => eventVerdict(entry.ecosystem, range, version)),
    ...nativeVerdicts(entry.ecosystem, natives, version),
  ];
  if (entry.versions.length > 0) {
    verdicts.push(
      fromResult(evaluateOsvTrusted(entry.ecosystem, { versions: entry.versions }, version), []),
    );
  }
  return combine(verdicts);
}

function combine(verdicts: EntryVerdict[]): EntryVerdict {
  const affected = verdicts.filter((v) => v.kind === 'affected');
  if (affected.length > 0) {
    return { kind: 'affected', fixed: [...new Set(affected.flatMap((v) => v.fixed))] };
  }
  return verdicts.find((v) => v.kind === 'unknown') ?? { kind: 'not-affected' };
}

function eventVerdict(ecosystem: string, range: EventRange, version: string): EntryVerdict {
  const result = evaluateOsvTrusted(ecosystem, { ranges: [range] }, version);
  if (result.kind !== 'affected') return fromResult(result, []);

  const fixes = range.events.flatMap((e) => ('fixed' in e ? [e.fixed] : []));
  const ecosystemOrder = range.type === 'SEMVER' ? 'crates.io' : ecosystem;
  return { kind: 'affected', fixed: nextFix(ecosystemOrder, version, fixes) };
}

/**
 * Native expressions: `affected` ones match the vulnerable versions; `unaffected` ones
 * (RubyGems patched and unaffected versions) match the safe ones, so a version is
 * affected only when no `unaffected` expression takes it.
 */
function nativeVerdicts(ecosystem: string, natives: NativeRange[], version: string) {
  const verdicts: EntryVerdict[] = [];
  for (const range of natives.filter((r) => r.meaning === 'affected')) {
    verdicts.push(fromResult(satisfiesAny(ecosystem, version, range.expression), []));
  }

  const safe = natives.filter((r) => r.meaning === 'unaffected');
  if (safe.length === 0) return verdicts;
  const results = safe.map((r) => satisfiesAny(ecosystem, version, r.expression));
  const unknownResult = results.find((r) => r.kind === 'unknown');
  if (results.some((r) => r.kind === 'affected')) verdicts.push({ kind: 'not-affected' });
  else if (unknownResult) verdicts.push(fromResult(unknownResult, []));
  else {
    const fixes = safe.flatMap((r) => lowerBounds(r.expression));
    verdicts.push({ kind: 'affected', fixed: nextFix(ecosystem, version, fixes) });
  }
  return verdicts;
}

/**
 * `A || B` as the feeds join alternatives; not every ecosystem's own syntax has `||`
 * (RubyGems requirements do not), so alternatives are tried one by one.
 */
function satisfiesAny(ecosystem: string, version: string, expression: string): RangeResult {
  let firstUnknown: RangeResult | undefined;
  for (const alternative of expression.split('||')) {
    const result = satisfies(ecosystem, version, alternative.trim());
    if (result.kind === 'affected') return result;
    if (result.kind === 'unknown') firstUnknown ??= result;
  }
  return firstUnknown ?? { kind: 'not-affected' };
}

/** The version each `||` alternative starts at (`>= 3.2.15`, `~> 2.3.2`), if it has one. */
function lowerBounds(expression: string): string[] {
  return expression.split('||').flatMap((alternative) => {
    const bounds = [...alternative.matchAll(/(?:>=|~>|>|=)\s*([0-9][^\s,]*)/g)].map((m) => m[1]!);
    return bounds.length > 0 ? [bounds[bounds.length - 1]!] : [];
  });
}

/** The smallest fix above the installed version: the upgrade that closes its interval. */
function nextFix(ecosystem: string, version: string, fixes: string[]): string[] {
  const above = fixes.filter((fix) => safeCompare(ecosystem, version, fix) < 0);
  if (above.length === 0) return [];
  above.sort((a, b) => safeCompare(ecosystem, a, b));
  return [above[0]!];
}

function safeCompare(ecosystem: string, a: string, b: string): number {
  try {
    return compareVersions(ecosystem, a, b);
  } catch {
    return Number.NaN;
  }
}

function fromResult(result: RangeResult, fixed: string[]): EntryVerdict {
  if (result.kind === 'affected') return { kind: 'affected', fixed };
  if (result.kind === 'unknown') return { kind: 'unknown', reason: result.reason };
  return { kind: 'not-affected' };
}
