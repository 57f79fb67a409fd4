import { checkInput, fail, ok } from '../result.js';
import type { Parsed } from '../types.js';

/**
 * A Debian version, `[epoch:]upstream[-revision]`, as deb-version(7) and dpkg's
 * parseversion() read it. `warning` is set when dpkg would parse the version but reject
 * it as breaking policy (upstream not starting with a digit, stray characters): such
 * versions still compare, exactly as dpkg's comparator compares them.
 */
export interface DpkgVersion {
  epoch: number;
  upstream: string;
  revision: string;
  warning?: string;
}

// dpkg keeps the epoch in an int and refuses anything above INT_MAX.
const MAX_EPOCH = 2147483647;

export function parseDpkg(input: string): Parsed<DpkgVersion> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);

  const text = input.trim();
  if (text === '') return fail('version string is empty');
  if (/\s/.test(text)) return fail('version string has embedded spaces');

  const colon = text.indexOf(':');
  const epoch = colon === -1 ? 0 : parseEpoch(text.slice(0, colon));
  if (typeof epoch === 'string') return fail(epoch);

  const rest = colon === -1 ? text : text.slice(colon + 1);
  if (rest === '') return fail('nothing after colon in version number');

  // The revision is everything after the last hyphen (deb-version(7)).
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen === -1 ? rest : rest.slice(0, hyphen);
  const revision = hyphen === -1 ? '' : rest.slice(hyphen + 1);
  if (hyphen !== -1 && revision === '') return fail('revision number is empty');
  if (upstream === '') return fail('version number is empty');

  const warning = policyWarning(upstream, revision);
  return ok(
    warning === undefined ? { epoch, upstream, revision } : { epoch, upstream, revision, warning },
  );
}

function parseEpoch(text: string): number | string {
  if (text === '') return 'epoch in version is empty';
  if (!/^[0-9]+$/.test(text)) return 'epoch in version is not a number';
  if (text.length > 10 || Number(text) > MAX_EPOCH) return 'epoch in version is too big';
  return Number(text);
}

/** The checks dpkg reports as warnings: the version is readable but not policy-clean. */
function policyWarning(upstream: string, revision: string): string | undefined {
  if (!/^[0-9]/.test(upstream)) return 'version number does not start with digit';
  if (!/^[A-Za-z0-9.+~:-]*$/.test(upstream)) return 'invalid character in version number';
  if (!/^[A-Za-z0-9.+~]*$/.test(revision)) return 'invalid character in revision number';
  return undefined;
}

export function formatDpkg(v: DpkgVersion): string {
  const epoch = v.epoch === 0 ? '' : `${v.epoch}:`;
  const revision = v.revision === '' ? '' : `-${v.revision}`;
  return `${epoch}${v.upstream}${revision}`;
}
