import { z } from 'zod';
import { AFFECTED, NOT_AFFECTED, unknown } from './result.js';
import type { OsvAffected, OsvEvent, OsvRange, RangeResult, Versioning } from './types.js';

/**
 * Evaluation of an OSV `affected[]` entry against one installed version, following the
 * OSV schema's "Evaluation" section: the version is affected when it is listed in
 * `versions`, or when some range's events, sorted by version, leave it inside an
 * `introduced` .. `fixed` (exclusive) or `introduced` .. `last_affected` (inclusive)
 * interval. `introduced: "0"` means "since the first version". A `limit` caps a range:
 * versions at or above every limit are outside it.
 *
 * Anything unreadable (installed version, event version, unknown range type) makes the
 * answer `unknown` unless another range already says `affected`.
 */
const eventSchema = z.union([
  z.strictObject({ introduced: z.string() }),
  z.strictObject({ fixed: z.string() }),
  z.strictObject({ last_affected: z.string() }),
  z.strictObject({ limit: z.string() }),
]);

export const osvAffectedSchema = z.object({
  ranges: z
    .array(
      z.object({ type: z.string(), repo: z.string().optional(), events: z.array(eventSchema) }),
    )
    .optional(),
  versions: z.array(z.string()).optional(),
});

/** Validates an untrusted `affected[]` entry, then evaluates it. */
export function evaluateOsvUntrusted(
  scheme: Versioning,
  semverScheme: Versioning,
  affected: unknown,
  version: string,
): RangeResult {
  const parsed = osvAffectedSchema.safeParse(affected);
  if (!parsed.success)
    return unknown(`invalid OSV affected entry: ${parsed.error.issues[0]?.message}`);
  return evaluateOsvAffected(scheme, semverScheme, parsed.data, version);
}

/** Evaluates an entry the caller has already validated (hot path of the matcher). */
export function evaluateOsvAffected(
  scheme: Versioning,
  semverScheme: Versioning,
  affected: OsvAffected,
  version: string,
): RangeResult {
  const versions = affected.versions ?? [];
  if (versions.includes(version)) return AFFECTED;

  let firstUnknown: string | undefined;
  for (const range of affected.ranges ?? []) {
    const result = evaluateRange(range, scheme, semverScheme, version, versions.length > 0);
    if (result.kind === 'affected') return result;
    if (result.kind === 'unknown') firstUnknown ??= result.reason;
  }
  if (firstUnknown !== undefined) return unknown(firstUnknown);

  return listedEqual(scheme, versions, version) ? AFFECTED : NOT_AFFECTED;
}

// `versions` holds the ecosystem's spellings; an equal version spelled otherwise counts.
function listedEqual(scheme: Versioning, versions: string[], version: string): boolean {
  if (versions.length === 0) return false;
  const v = scheme.parse(version);
  if (!v.ok) return false;
  return versions.some((listed) => {
    const l = scheme.parse(listed);
    return l.ok && scheme.compare(v.value, l.value) === 0;
  });
}

function evaluateRange(
  range: OsvRange,
  scheme: Versioning,
  semverScheme: Versioning,
  version: string,
  hasVersions: boolean,
): RangeResult {
  if (range.type === 'GIT') {
    // Commits cannot be ordered against package versions; `versions` speaks for them.
    return hasVersions ? NOT_AFFECTED : unknown('GIT range without a versions list');
  }
  if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') {
    return unknown(`unsupported OSV range type "${range.type}"`);
  }

  const order = range.type === 'SEMVER' ? semverScheme : scheme;
  const installed = order.parse(version);
  if (!installed.ok) return unknown(`installed version "${version}": ${installed.reason}`);
  return evaluateEvents(order, installed.value, range.events);
}

interface Bound {
  kind: 'introduced' | 'fixed' | 'last_affected' | 'limit';
  /** undefined: the "0" (or "*") lower bound, below every version. */
  value: unknown;
  text: string;
}

// Sort tie-break: at the same version, the interval opens before it closes.
const KIND_RANK = { introduced: 0, last_affected: 1, fixed: 2, limit: 3 } as const;

export function evaluateEvents(
  order: Versioning,
  version: unknown,
  events: OsvEvent[],
): RangeResult {
  const bounds = readBounds(order, events);
  if (typeof bounds === 'string') return unknown(bounds);

  const limits = bounds.filter((b) => b.kind === 'limit');
  if (limits.length > 0 && limits.every((l) => order.compare(version, l.value) >= 0)) {
    return NOT_AFFECTED;
  }

  bounds.sort((x, y) => compareBounds(order, x, y));
  let affected = false;
  for (const bound of bounds) {
    if (bound.kind === 'introduced') {
      if (bound.value === undefined || order.compare(version, bound.value) >= 0) affected = true;
    } else if (bound.kind === 'fixed') {
      if (order.compare(version, bound.value) >= 0) affected = false;
    } else if (bound.kind === 'last_affected') {
      if (order.compare(version, bound.value) > 0) affected = false;
    }
  }
  return affected ? AFFECTED : NOT_AFFECTED;
}

function compareBounds(order: Versioning, x: Bound, y: Bound): number {
  if (x.value === undefined || y.value === undefined) {
    if (x.value === y.value) return KIND_RANK[x.kind] - KIND_RANK[y.kind];
    return x.value === undefined ? -1 : 1;
  }
  return order.compare(x.value, y.value) || KIND_RANK[x.kind] - KIND_RANK[y.kind];
}

function readBounds(order: Versioning, events: OsvEvent[]): Bound[] | string {
  const bounds: Bound[] = [];
  for (const event of events) {
    const [kind, text] = Object.entries(event)[0] as [Bound['kind'], string];
    if (kind === 'introduced' && (text === '0' || text === '*')) {
      bounds.push({ kind, value: undefined, text });
      continue;
    }

    const parsed = order.parse(text);
    if (!parsed.ok) return `${kind} version "${text}": ${parsed.reason}`;
    bounds.push({ kind, value: parsed.value, text });
  }
  return bounds;
}
