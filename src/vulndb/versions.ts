import { versioningFor } from '../versioning/index.js';
import type { Advisory } from './model.js';

/**
 * Counts the versions in an advisory that its ecosystem's comparator cannot read. Such
 * versions are kept as written (the record is never dropped for them); the count goes
 * into `db status` so a feed that drifts from its ecosystem's rules shows up.
 */
export function countOddVersions(advisory: Advisory): number {
  let odd = 0;

  for (const affected of advisory.affected) {
    const parse = parserFor(affected.ecosystem);
    if (!parse) continue;

    for (const range of affected.ranges) {
      if (range.type === 'NATIVE' || range.type === 'GIT') continue;
      for (const event of range.events) {
        const version = Object.values(event)[0] as string;
        if (version !== '0' && !parse(version)) odd++;
      }
    }
    for (const version of affected.versions) if (!parse(version)) odd++;
  }
  return odd;
}

const parsers = new Map<string, ((v: string) => boolean) | undefined>();

function parserFor(ecosystem: string): ((v: string) => boolean) | undefined {
  if (parsers.has(ecosystem)) return parsers.get(ecosystem);

  let parse: ((v: string) => boolean) | undefined;
  try {
    const scheme = versioningFor(ecosystem);
    parse = (v) => scheme.parse(v).ok;
  } catch {
    // An ecosystem with no comparator yet: nothing to count against.
    parse = undefined;
  }
  parsers.set(ecosystem, parse);
  return parse;
}
