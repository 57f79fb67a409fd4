import { AFFECTED, MAX_RANGE_LENGTH, NOT_AFFECTED, unknown } from '../result.js';
import type { RangeResult } from '../types.js';
import { compareNuget, type NugetVersion, parseNuget } from './version.js';

/**
 * NuGet version ranges ("Version ranges" in NuGet package versioning): `1.0` means
 * `>= 1.0`; `[1.0]` exactly 1.0; `(1.0,)`, `(,1.0]`, `[1.0,2.0)` are intervals.
 */
export function inNugetRange(version: NugetVersion, range: string): RangeResult {
  if (range.length > MAX_RANGE_LENGTH) return unknown('range is too long');
  const text = range.replace(/\s+/g, '');

  const m = /^([[(])([^,\])]*)(?:(,)([^\])]*))?([\])])$/.exec(text);
  if (m === null) {
    const min = parseNuget(text);
    if (!min.ok) return unknown(`"${range}" is not a NuGet range: ${min.reason}`);
    return compareNuget(version, min.value) >= 0 ? AFFECTED : NOT_AFFECTED;
  }

  const [, open, lowText = '', comma, highText = '', close] = m;
  if (comma === undefined) {
    if (open !== '[' || close !== ']') return unknown(`"${range}" is not a NuGet range`);
    return bounded(version, lowText, lowText, true, true, range);
  }
  return bounded(version, lowText, highText, open === '[', close === ']', range);
}

function bounded(
  version: NugetVersion,
  lowText: string,
  highText: string,
  lowInclusive: boolean,
  highInclusive: boolean,
  range: string,
): RangeResult {
  const low = lowText === '' ? undefined : parseNuget(lowText);
  const high = highText === '' ? undefined : parseNuget(highText);
  if ((low && !low.ok) || (high && !high.ok)) return unknown(`"${range}" has a bad bound`);

  if (low?.ok) {
    const c = compareNuget(version, low.value);
    if (c < 0 || (c === 0 && !lowInclusive)) return NOT_AFFECTED;
  }
  if (high?.ok) {
    const c = compareNuget(version, high.value);
    if (c > 0 || (c === 0 && !highInclusive)) return NOT_AFFECTED;
  }
  return AFFECTED;
}
