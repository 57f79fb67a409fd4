/**
 * Pads a partial SemVer version the way osv.dev reads feed bounds (semver_index.coerce):
 * `1` -> `1.0.0`, `1.2-beta` -> `1.2.0-beta`, a leading `v` dropped. Anything else is
 * returned unchanged, for the strict parser to accept or refuse.
 */
const PARTIAL = /^v?(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?(?:\.(0|[1-9][0-9]*))?([-+].*)?$/;

export function coerceSemver(input: string): string {
  const m = PARTIAL.exec(input.trim());
  if (m === null) return input;
  const [, major, minor = '0', patch = '0', rest = ''] = m;
  return `${major}.${minor}.${patch}${rest}`;
}
