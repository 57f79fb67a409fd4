import { stripLeadingZeros } from '../numeric.js';
import { checkInput, fail, ok } from '../result.js';
import type { Parsed } from '../types.js';

/**
 * A PEP 440 version (packaging.python.org "Version specifiers"), normalised: epoch,
 * release numbers, optional pre-release (`a`, `b`, `rc`), post-release, dev-release and
 * local label. Numbers stay digit strings so arbitrarily long ones keep their value.
 */
export interface Pep440Version {
  epoch: string;
  release: string[];
  pre?: { letter: 'a' | 'b' | 'rc'; number: string };
  post?: string;
  dev?: string;
  local?: string[];
  /** The input, trimmed, for `===` (arbitrary equality compares text, not versions). */
  raw: string;
}

// The spec's permissive grammar (appendix "Parsing version strings with regular
// expressions"), restricted to ASCII digits and letters as packaging does.
const PATTERN = new RegExp(
  [
    '^v?',
    '(?:([0-9]+)!)?',
    '([0-9]+(?:\\.[0-9]+)*)',
    '(?:[-_.]?(alpha|beta|preview|pre|a|b|c|rc)[-_.]?([0-9]+)?)?',
    '(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?',
    '(?:[-_.]?(dev)[-_.]?([0-9]+)?)?',
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$',
  ].join(''),
  'i',
);

const PRE_LETTERS: Readonly<Record<string, 'a' | 'b' | 'rc'>> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc',
};

export function parsePep440(input: string): Parsed<Pep440Version> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);

  const raw = input.trim();
  const m = PATTERN.exec(raw);
  if (m === null) return fail('not a valid PEP 440 version');

  const [, epoch, release, preL, preN, postImplicit, postL, postN, devL, devN, local] = m;
  const v: Pep440Version = {
    epoch: stripLeadingZeros(epoch ?? '0'),
    release: release!.split('.').map(stripLeadingZeros),
    raw,
  };
  if (preL !== undefined) {
    v.pre = { letter: PRE_LETTERS[preL.toLowerCase()]!, number: stripLeadingZeros(preN ?? '0') };
  }
  if (postImplicit !== undefined) v.post = stripLeadingZeros(postImplicit);
  else if (postL !== undefined) v.post = stripLeadingZeros(postN ?? '0');
  if (devL !== undefined) v.dev = stripLeadingZeros(devN ?? '0');
  if (local !== undefined) v.local = local.toLowerCase().split(/[-_.]/);
  return ok(v);
}

/** str(Version): the normalised spelling. */
export function formatPep440(v: Pep440Version): string {
  let s = v.epoch === '0' ? '' : `${v.epoch}!`;
  s += v.release.join('.');
  if (v.pre !== undefined) s += `${v.pre.letter}${v.pre.number}`;
  if (v.post !== undefined) s += `.post${v.post}`;
  if (v.dev !== undefined) s += `.dev${v.dev}`;
  if (v.local !== undefined) s += `+${v.local.join('.')}`;
  return s;
}

export const isPrerelease = (v: Pep440Version) => v.pre !== undefined || v.dev !== undefined;

/** The version without its local label (`Version.public`). */
export function publicOf(v: Pep440Version): Pep440Version {
  if (v.local === undefined) return v;
  const { local: _local, ...rest } = v;
  return rest;
}

/** `Version.base_version`: epoch and release only. */
export function baseOf(v: Pep440Version): Pep440Version {
  return { epoch: v.epoch, release: v.release, raw: v.raw };
}
