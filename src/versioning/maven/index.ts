import type { Versioning } from '../types.js';
import { compareLists } from './items.js';
import { type MavenVersion, parseMaven } from './parse.js';
import { inMavenRange } from './range.js';

export { type MavenVersion, parseMaven } from './parse.js';
export { inMavenRange, parseMavenRange } from './range.js';

/** Maven: every string is a version (ComparableVersion accepts anything). */
export const maven: Versioning<MavenVersion> = {
  scheme: 'maven',
  parse: parseMaven,
  isValid: (input) => parseMaven(input).ok,
  compare: (a, b) => compareLists(a.items, b.items),
  satisfies: inMavenRange,
};
