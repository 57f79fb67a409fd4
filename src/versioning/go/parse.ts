import { checkInput, fail, ok } from '../result.js';
import type { Parsed } from '../types.js';

/**
 * A Go module version as golang.org/x/mod/semver reads it: `vMAJOR[.MINOR[.PATCH]]`
 * with optional `-prerelease` and `+build`; the shorthands `v1` and `v1.2` mean `v1.0.0`
 * and `v1.2.0` and may carry neither suffix. Pseudo-versions are pre-releases
 * (`v0.0.0-20191109021931-daa7c04131f5`), `+incompatible` is build metadata. OSV's Go
 * ecosystem writes versions without the `v`, so it is optional here.
 */
export interface GoVersion {
  major: string;
  minor: string;
  patch: string;
  prerelease: string[];
  build: string;
  /** True when the input used the `v1` or `v1.2` shorthand. */
  short: boolean;
}

const NUM = /^(0|[1-9][0-9]*)$/;
const IDENT = /^[0-9A-Za-z-]+$/;

export function parseGo(input: string): Parsed<GoVersion> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);

  const text = input.startsWith('v') ? input.slice(1) : input;
  const match = /^([^.+-]+)(?:\.([^.+-]+))?(?:\.([^.+-]+))?(?:-([^+]*))?(?:\+(.*))?$/.exec(text);
  if (match === null) return fail('not a semantic version');

  const [, major = '', minor, patch, pre, build] = match;
  for (const part of [major, minor, patch]) {
    if (part !== undefined && !NUM.test(part)) return fail(`"${part}" is not a version number`);
  }

  const short = patch === undefined;
  if (short && (pre !== undefined || build !== undefined)) {
    return fail('a shorthand version cannot carry a pre-release or build suffix');
  }

  const prerelease = pre === undefined ? [] : pre.split('.');
  if (!prerelease.every(validPrereleaseIdent)) return fail(`bad pre-release "${pre}"`);
  if (build !== undefined && !build.split('.').every((id) => IDENT.test(id))) {
    return fail(`bad build metadata "${build}"`);
  }

  return ok({
    major,
    minor: minor ?? '0',
    patch: patch ?? '0',
    prerelease,
    build: build ?? '',
    short,
  });
}

// SemVer 2.0 section 9: non-empty, and numeric identifiers carry no leading zeros.
function validPrereleaseIdent(id: string): boolean {
  if (!IDENT.test(id)) return false;
  return !/^[0-9]+$/.test(id) || NUM.test(id);
}

/** golang.org/x/mod/semver.Canonical: `vMAJOR.MINOR.PATCH[-pre]`, build dropped. */
export function canonicalGo(v: GoVersion): string {
  const pre = v.prerelease.length === 0 ? '' : `-${v.prerelease.join('.')}`;
  return `v${v.major}.${v.minor}.${v.patch}${pre}`;
}
