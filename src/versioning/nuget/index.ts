import type { Versioning } from '../types.js';
import { inNugetRange } from './range.js';
import { compareNuget, type NugetVersion, parseNuget } from './version.js';

export { inNugetRange } from './range.js';
export { compareNuget, type NugetVersion, parseNuget } from './version.js';

export const nuget: Versioning<NugetVersion> = {
  scheme: 'nuget',
  parse: parseNuget,
  isValid: (input) => parseNuget(input).ok,
  compare: compareNuget,
  satisfies: inNugetRange,
};
