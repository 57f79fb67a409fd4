import { AFFECTED, NOT_AFFECTED, unknown } from './result.js';
import type { RangeResult, Versioning } from './types.js';

/**
 * Distro security trackers state a package's status per release rather than as a range:
 * "fixed in VERSION", "not affected", "unfixed" (no fix yet), or undecided. This is that
 * status, and its reading of the two text notations drydock meets:
 *
 * - Debian's data/CVE/list and DSA/DLA lists: `- pkg 1.2-3`, `- pkg <unfixed>`,
 *   `- pkg <not-affected> (reason)`, `<no-dsa>`, `<ignored>`, `<postponed>`,
 *   `<end-of-life>`, `<undetermined>`, `<removed>`; a fixed version `0` means the
 *   vulnerable code never shipped.
 * - Ubuntu's CVE tracker: `released (1.2-3)`, `not-affected`, `DNE`, `needed`,
 *   `deferred`, `pending (1.2-3)`, `ignored (reason)`, `needs-triage`.
 */
export type TrackerStatus =
  | { kind: 'fixed'; fixed: string }
  | { kind: 'not-affected'; reason?: string }
  | { kind: 'unfixed'; reason?: string }
  | { kind: 'undetermined'; reason: string };

const DEBIAN_TAGS: Readonly<Record<string, TrackerStatus>> = {
  unfixed: { kind: 'unfixed' },
  'not-affected': { kind: 'not-affected' },
  'no-dsa': { kind: 'unfixed', reason: 'no DSA planned' },
  ignored: { kind: 'unfixed', reason: 'ignored by the security team' },
  postponed: { kind: 'unfixed', reason: 'fix postponed' },
  'end-of-life': { kind: 'unfixed', reason: 'release or package is end of life' },
  undetermined: { kind: 'undetermined', reason: 'tracker says undetermined' },
  removed: { kind: 'undetermined', reason: 'package removed from the release' },
};

const UBUNTU_WORDS: Readonly<Record<string, TrackerStatus>> = {
  'not-affected': { kind: 'not-affected' },
  dne: { kind: 'not-affected', reason: 'package does not exist in this release' },
  needed: { kind: 'unfixed' },
  deferred: { kind: 'unfixed', reason: 'fix deferred' },
  ignored: { kind: 'unfixed', reason: 'ignored by the security team' },
  pending: { kind: 'unfixed', reason: 'fix pending' },
  active: { kind: 'unfixed' },
  'needs-triage': { kind: 'undetermined', reason: 'tracker says needs-triage' },
};

/** Reads a tracker status notation; undefined when the text is not one. */
export function parseTrackerStatus(text: string): TrackerStatus | undefined {
  if (typeof text !== 'string' || text.length > 1024) return undefined;
  const trimmed = text.trim();

  const tag = /^<([a-z-]+)>(?:\s+\((.*)\))?$/.exec(trimmed);
  if (tag !== null) return DEBIAN_TAGS[tag[1]!];

  const ubuntu = /^([A-Za-z-]+)(?:\s+\((.*)\))?$/.exec(trimmed);
  if (ubuntu === null) return undefined;
  const word = ubuntu[1]!.toLowerCase();
  if ((word === 'released' || word === 'fixed') && ubuntu[2]) {
    return { kind: 'fixed', fixed: ubuntu[2].trim() };
  }
  return UBUNTU_WORDS[word];
}

/** What a tracker status means for one installed version, in the distro's own order. */
export function evaluateTrackerStatus(
  scheme: Versioning,
  version: string,
  status: TrackerStatus,
): RangeResult {
  switch (status.kind) {
    case 'not-affected':
      return NOT_AFFECTED;
    case 'unfixed':
      return AFFECTED;
    case 'undetermined':
      return unknown(status.reason);
    case 'fixed':
      return belowFix(scheme, version, status.fixed);
  }
}

function belowFix(scheme: Versioning, version: string, fixed: string): RangeResult {
  // Debian writes a fixed version of 0 for "the vulnerable code was never in this release".
  if (fixed === '0') return NOT_AFFECTED;

  const installed = scheme.parse(version);
  if (!installed.ok) return unknown(`installed version "${version}": ${installed.reason}`);
  const fix = scheme.parse(fixed);
  if (!fix.ok) return unknown(`fixed version "${fixed}": ${fix.reason}`);
  return scheme.compare(installed.value, fix.value) < 0 ? AFFECTED : NOT_AFFECTED;
}
