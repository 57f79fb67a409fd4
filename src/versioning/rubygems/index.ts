import type { Versioning } from '../types.js';
import { satisfiesGem } from './requirement.js';
import { compareGem, type GemVersion, parseGem } from './version.js';

export { satisfiesGem } from './requirement.js';
export { compareGem, type GemVersion, parseGem } from './version.js';

export const rubygems: Versioning<GemVersion> = {
  scheme: 'rubygems',
  parse: parseGem,
  isValid: (input) => parseGem(input).ok,
  compare: compareGem,
  satisfies: satisfiesGem,
};
