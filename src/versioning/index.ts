import { DrydockError } from '../errors.js';
import { evaluateOsvAffected, evaluateOsvUntrusted } from './osv.js';
import { SCHEMES, versioningFor } from './registry.js';
import { unknown } from './result.js';
import { evaluateTrackerStatus, parseTrackerStatus, type TrackerStatus } from './tracker.js';
import type { OsvAffected, Parsed, RangeResult, Versioning } from './types.js';

export { osvAffectedSchema } from './osv.js';
export {
  baseEcosystem,
  knownEcosystems,
  SCHEMES,
  schemeNameFor,
  versioningFor,
} from './registry.js';
export { parseTrackerStatus, type TrackerStatus } from './tracker.js';
export type { OsvAffected, OsvEvent, OsvRange, Parsed, RangeResult, Versioning } from './types.js';

/**
 * Parsed versions are cached per scheme: a scan compares the same installed and fixed
 * versions again and again. The cache is bounded and simply starts over when full.
 */
const CACHE_LIMIT = 50_000;
const caches = new Map<Versioning, Map<string, Parsed<unknown>>>();

function parseCached(scheme: Versioning, input: string): Parsed<unknown> {
  let cache = caches.get(scheme);
  if (cache === undefined) {
    cache = new Map();
    caches.set(scheme, cache);
  }

  const hit = cache.get(input);
  if (hit !== undefined) return hit;

  const parsed = scheme.parse(input);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, parsed);
  return parsed;
}

function parseOrThrow(ecosystem: string, scheme: Versioning, input: string): unknown {
  const parsed = parseCached(scheme, input);
  if (parsed.ok) return parsed.value;
  throw new DrydockError(
    'VERSION_PARSE',
    `${ecosystem} version "${String(input).slice(0, 200)}" cannot be parsed: ${parsed.reason}`,
  );
}

/**
 * Orders two versions of an OSV ecosystem (`Debian:12`, `PyPI`, `Go`, ...): negative,
 * zero or positive. Throws DrydockError `VERSION_PARSE` naming the ecosystem and the
 * version when either side cannot be read: an unreadable version has no place in an order.
 */
export function compareVersions(ecosystem: string, a: string, b: string): number {
  const scheme = versioningFor(ecosystem);
  return scheme.compare(parseOrThrow(ecosystem, scheme, a), parseOrThrow(ecosystem, scheme, b));
}

export function isValidVersion(ecosystem: string, version: string): boolean {
  return versioningFor(ecosystem).isValid(version);
}

const DISTRO_SCHEMES: ReadonlySet<Versioning> = new Set([SCHEMES.dpkg, SCHEMES.apk, SCHEMES.rpm]);

/**
 * Whether `version` lies in `range`, written in the ecosystem's native syntax. For distro
 * ecosystems the range may also be a tracker status (`<unfixed>`, `<not-affected>`,
 * `released (1.2-3)`, see tracker.ts). Never throws for bad input: an unreadable version
 * or range is `unknown`, with the reason.
 */
export function satisfies(ecosystem: string, version: string, range: string): RangeResult {
  const scheme = versioningFor(ecosystem);
  if (typeof range !== 'string') return unknown('range is not a string');
  if (DISTRO_SCHEMES.has(scheme)) {
    const status = parseTrackerStatus(range);
    if (status !== undefined) return evaluateTrackerStatus(cachedScheme(scheme), version, status);
  }

  const parsed = parseCached(scheme, version);
  if (!parsed.ok) return unknown(`${ecosystem} version "${version}": ${parsed.reason}`);
  return scheme.satisfies(parsed.value, range);
}

/** A distro tracker's status for a release, applied to one installed version. */
export function evaluateTracker(
  ecosystem: string,
  version: string,
  status: TrackerStatus,
): RangeResult {
  return evaluateTrackerStatus(cachedScheme(versioningFor(ecosystem)), version, status);
}

/** A scheme whose parse goes through the shared cache; the OSV evaluator parses a lot. */
function cachedScheme(scheme: Versioning): Versioning {
  let wrapped = cachedSchemes.get(scheme);
  if (wrapped === undefined) {
    wrapped = { ...scheme, parse: (input) => parseCached(scheme, input) };
    cachedSchemes.set(scheme, wrapped);
  }
  return wrapped;
}
const cachedSchemes = new Map<Versioning, Versioning>();

/**
 * Evaluates one OSV `affected[]` entry's `ranges` and `versions` for an installed
 * version. `SEMVER` ranges use SemVer 2.0 order whatever the ecosystem, `ECOSYSTEM`
 * ranges the ecosystem's own. The entry is validated first; use `evaluateOsvTrusted` for
 * entries that were validated when they entered the DB.
 */
export function evaluateOsv(ecosystem: string, affected: unknown, version: string): RangeResult {
  const scheme = cachedScheme(versioningFor(ecosystem));
  return evaluateOsvUntrusted(scheme, cachedScheme(SCHEMES.semver), affected, version);
}

export function evaluateOsvTrusted(
  ecosystem: string,
  affected: OsvAffected,
  version: string,
): RangeResult {
  const scheme = cachedScheme(versioningFor(ecosystem));
  return evaluateOsvAffected(scheme, cachedScheme(SCHEMES.semver), affected, version);
}
