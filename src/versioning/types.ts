/**
 * The contract every ecosystem's versioning module implements. One module per version
 * scheme (dpkg, apk, rpm, npm, PEP 440, ...); src/versioning/registry.ts maps OSV ecosystem
 * names onto them. Callers outside this folder normally use src/versioning/index.ts.
 *
 * Examples, with the dpkg module:
 *
 *   dpkg.parse('1:2.30-1')          // { ok: true, value: { epoch: 1, upstream: '2.30', ... } }
 *   dpkg.parse('1.0-')              // { ok: false, reason: 'revision number is empty' }
 *   dpkg.isValid('0:abc-1')         // false: parses, but breaks Debian policy
 *   dpkg.compare(p('1.0~rc1'), p('1.0'))      // negative: `~` sorts before everything
 *   dpkg.satisfies(p('1.2-1'), '>= 1.0, << 1.3')   // { kind: 'affected' }
 *   dpkg.satisfies(p('1.2-1'), '<< ???')           // { kind: 'unknown', reason: '...' }
 *
 * Safety rule: a version or range that cannot be read MUST come back as `unknown` with the
 * reason, never as `not-affected`. Callers MUST handle the `unknown` case (show it in the
 * report) rather than folding it into either side.
 */

/** The outcome of asking "is this version inside this range?". */
export type RangeResult =
  | { kind: 'affected' }
  | { kind: 'not-affected' }
  | { kind: 'unknown'; reason: string };

/** A parse that either produced a value or says, in words, why it did not. */
export type Parsed<V> = { ok: true; value: V } | { ok: false; reason: string };

export interface Versioning<V = unknown> {
  /** Short scheme name used in messages and the registry, e.g. `dpkg`, `pep440`. */
  readonly scheme: string;

  /**
   * Reads a version string. Lenient where upstream's comparator is lenient (dpkg compares
   * versions that break policy), so `ok: true` means "comparable", not "policy-clean".
   */
  parse(input: string): Parsed<V>;

  /** True when upstream's own validator accepts the string. */
  isValid(input: string): boolean;

  /** Negative, zero or positive, as upstream orders the two versions. */
  compare(a: V, b: V): number;

  /**
   * Evaluates a range in this ecosystem's native syntax (npm ranges, PEP 440 specifier
   * sets, Maven ranges, RubyGems requirements, Composer constraints, dpkg relations...).
   * An unreadable range yields `unknown` with the reason.
   */
  satisfies(version: V, range: string): RangeResult;
}

/** An OSV `affected[].ranges[]` entry, as the schema defines it. */
export interface OsvRange {
  type: string;
  repo?: string;
  events: OsvEvent[];
}

export type OsvEvent =
  | { introduced: string }
  | { fixed: string }
  | { last_affected: string }
  | { limit: string };

/** The parts of an OSV `affected[]` entry that decide whether a version is affected. */
export interface OsvAffected {
  ranges?: OsvRange[];
  versions?: string[];
}
