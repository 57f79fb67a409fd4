import type { Distro, Package } from '../catalog/types.js';
import type { DistroStatus } from '../vulndb/model.js';
import type { AdvisoryRecord } from '../vulndb/reader.js';

/**
 * The matcher contract. A matcher judges one family of packages (OS packages by distro
 * release, language packages by their ecosystem): it says which packages it takes, and
 * turns one package plus the DB into hits. Matchers are listed in registry.ts; the first
 * that accepts a package judges it, so a package is never matched twice.
 *
 *   const hits = osMatcher.match(pkg, { db, distro });
 *   // [{ kind: 'affected', advisory, ecosystem: 'Debian:11', fixed: ['1.2-3'], status }]
 */
export interface Matcher {
  readonly name: string;
  accepts(pkg: Package): boolean;
  match(pkg: Package, ctx: MatchContext): Hit[];
}

/** The part of the vulnerability DB matching reads; VulnDb has it, tests fake it. */
export interface AdvisorySource {
  advisoriesFor(ecosystem: string, packageName: string): AdvisoryRecord[];
}

export interface MatchContext {
  db: AdvisorySource;
  distro?: Distro;
}

/** Where a package was looked up: the ecosystem, the DB name and the version compared. */
export interface Lookup {
  ecosystem: string;
  name: string;
  version: string;
}

/** One advisory record's verdict about one package. */
export type Hit =
  | {
      kind: 'affected';
      advisory: AdvisoryRecord;
      lookup: Lookup;
      fixed: string[];
      status: Exclude<DistroStatus, 'not-affected'>;
      /** A rating the distro gave this package, which wins over other sources. */
      distroSeverity?: string;
    }
  | { kind: 'unknown'; advisory: AdvisoryRecord; lookup: Lookup; reason: string }
  | { kind: 'unsupported'; lookup: Lookup; reason: string };
