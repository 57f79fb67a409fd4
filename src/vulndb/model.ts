/**
 * The normalised advisory model every feed parser produces and the DB stores. Ranges stay
 * ecosystem-tagged and in OSV's event form (introduced / fixed / last_affected / limit) so
 * the matcher evaluates them with src/versioning; a range the parser could not turn into
 * events keeps the feed's own expression instead, and no record is dropped because a
 * version string looks odd.
 */
import type { OsvEvent } from '../versioning/types.js';

export type { OsvEvent };

/** What a distro says about one package in one release, beside or instead of ranges. */
export type DistroStatus = 'fixed' | 'unfixed' | 'will-not-fix' | 'not-affected' | 'end-of-life';

export type RangeSpec =
  | { type: 'SEMVER' | 'ECOSYSTEM' | 'GIT'; events: OsvEvent[]; repo?: string }
  /**
   * A range in the ecosystem's own syntax (npm range, RubyGems requirement, Composer
   * constraint) that has no exact event form. `meaning` says whether matching versions
   * are the affected ones or the safe ones.
   */
  | { type: 'NATIVE'; expression: string; meaning: 'affected' | 'unaffected' };

export interface AffectedPackage {
  /** OSV ecosystem name, with the release for distros: `npm`, `Debian:11`, `Alpine:v3.11`. */
  ecosystem: string;
  name: string;
  purl?: string;
  ranges: RangeSpec[];
  /** Explicitly listed affected versions (OSV `versions`). */
  versions: string[];
  status?: DistroStatus;
  /** A rating the distro gave this package; it wins over other sources for it. */
  severity?: string;
}

export interface Severity {
  /** The feed that said so: `nvd`, `ghsa`, `debian`, ... */
  source: string;
  /** `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, or `rating` for a word with no vector. */
  type: string;
  vector?: string;
  score?: number;
  rating?: string;
}

export interface Advisory {
  id: string;
  aliases: string[];
  summary?: string;
  details?: string;
  published?: string;
  modified?: string;
  withdrawn?: string;
  references: string[];
  affected: AffectedPackage[];
  severities: Severity[];
  cwes: string[];
}

export interface KevEntry {
  cve: string;
  dateAdded: string;
  dueDate?: string;
  ransomware?: string;
  vendor?: string;
  product?: string;
  name?: string;
}

export interface EpssEntry {
  cve: string;
  score: number;
  percentile: number;
  date?: string;
}

/** Scores and weaknesses for an id, from a feed that enriches rather than advises (NVD). */
export interface Enrichment {
  id: string;
  severities: Severity[];
  cwes: string[];
}

/** A record or file a parser stepped over, with where and why. */
export interface Problem {
  path: string;
  reason: string;
}

/** What one parser found in one file: every kind of record it may yield, and problems. */
export interface FeedResult {
  advisories: Advisory[];
  kev: KevEntry[];
  epss: EpssEntry[];
  enrichments: Enrichment[];
  problems: Problem[];
  /** Versions that did not parse for their ecosystem: kept, counted, shown in status. */
  oddVersions: number;
}

export function emptyResult(): FeedResult {
  return { advisories: [], kev: [], epss: [], enrichments: [], problems: [], oddVersions: 0 };
}

export function newAdvisory(id: string): Advisory {
  return { id, aliases: [], references: [], affected: [], severities: [], cwes: [] };
}

/** The range every distro fix means: affected from the start until this version. */
export function fixedAt(version: string): RangeSpec {
  return { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version }] };
}
