import { gunzipSync } from 'node:zlib';
import { type InflateBudget, listEntries, readEntry } from '../catalog/java/zip.js';
import { printableShare, sniffContent } from './content.js';
import { type RawMatch, scanTextBytes } from './detect.js';
import { fingerprint, redact } from './redact.js';
import { tarMembers } from './tar-members.js';
import type { FileMatch, FileSecrets, MatchLayer } from './types.js';

/** Bounds on what one file may make the scanner do; archives and blobs are attacker input. */
export interface FileScanLimits {
  /** Archives opened inside archives: 1 reads a jar in the image, not a jar inside it. */
  maxArchiveDepth: number;
  /** Members read per archive. */
  maxArchiveEntries: number;
  /** Bytes inflated across one file and everything nested in it. */
  maxInflatedBytes: number;
  /** Largest text scanned, whether a file or an archive member. */
  maxTextBytes: number;
  /** Largest base64 run decoded and rescanned. */
  maxBase64Bytes: number;
}

export const DEFAULT_FILE_LIMITS: FileScanLimits = {
  maxArchiveDepth: 3,
  maxArchiveEntries: 10_000,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxTextBytes: 10 * 1024 * 1024,
  maxBase64Bytes: 1024 * 1024,
};

/** Decoded base64 must be mostly printable to be worth rescanning: images are not. */
const MIN_PRINTABLE = 0.95;

interface Walk {
  limits: FileScanLimits;
  budget: InflateBudget;
  matches: FileMatch[];
  problems: string[];
}

/** Scans one file's bytes, opening archives and decoding base64 blobs within bounds. */
export function scanFileBytes(
  bytes: Buffer,
  limits: FileScanLimits = DEFAULT_FILE_LIMITS,
): FileSecrets {
  const walk: Walk = {
    limits,
    budget: { remaining: limits.maxInflatedBytes },
    matches: [],
    problems: [],
  };
  scanContent(walk, bytes, [], 0);
  const out: FileSecrets = { matches: walk.matches };
  if (walk.problems.length > 0) out.problems = walk.problems;
  return out;
}

function scanContent(walk: Walk, bytes: Buffer, within: MatchLayer[], depth: number): void {
  const kind = sniffContent(bytes);
  if (kind === 'text') {
    scanText(walk, bytes, within, true);
    return;
  }
  if (kind === 'binary' || depth >= walk.limits.maxArchiveDepth) return;

  try {
    if (kind === 'zip') scanZip(walk, bytes, within, depth);
    else if (kind === 'gzip') scanGzip(walk, bytes, within, depth);
    else scanTar(walk, bytes, within, depth);
  } catch (err) {
    walk.problems.push(`${describe(within)}${err instanceof Error ? err.message : String(err)}`);
  }
}

function scanZip(walk: Walk, zip: Buffer, within: MatchLayer[], depth: number): void {
  const entries = listEntries(zip).filter((e) => !e.name.endsWith('/'));
  for (const entry of entries.slice(0, walk.limits.maxArchiveEntries)) {
    const data = readEntry(zip, entry, walk.budget);
    scanContent(walk, data, [...within, { kind: 'member', name: entry.name }], depth + 1);
  }
}

function scanGzip(walk: Walk, gz: Buffer, within: MatchLayer[], depth: number): void {
  let data: Buffer;
  try {
    data = gunzipSync(gz, { maxOutputLength: Math.max(1, walk.budget.remaining) });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (err instanceof RangeError || code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Error('gzip data inflates past the inflate budget');
    }
    throw new Error(`gzip data does not inflate: ${(err as Error).message}`);
  }
  walk.budget.remaining -= data.length;
  scanContent(walk, data, [...within, { kind: 'gzip' }], depth + 1);
}

function scanTar(walk: Walk, tar: Buffer, within: MatchLayer[], depth: number): void {
  const { members, problem } = tarMembers(tar, walk.limits.maxArchiveEntries);
  if (problem) walk.problems.push(`${describe(within)}${problem}`);
  for (const member of members) {
    scanContent(walk, member.data, [...within, { kind: 'member', name: member.name }], depth + 1);
  }
}

function scanText(walk: Walk, bytes: Buffer, within: MatchLayer[], decodeBase64: boolean): void {
  if (bytes.length > walk.limits.maxTextBytes) {
    walk.problems.push(`${describe(within)}text of ${bytes.length} bytes is over the limit`);
    return;
  }

  const scan = scanTextBytes(bytes);
  for (const match of scan.matches) walk.matches.push(toFileMatch(match, within));
  if (!decodeBase64) return;

  // Decoded once: a blob inside a decoded blob is not decoded again.
  for (const [start, end] of scan.base64Runs) {
    if (end - start > walk.limits.maxBase64Bytes) continue;
    const decoded = Buffer.from(bytes.toString('latin1', start, end), 'base64');
    if (decoded.length === 0 || printableShare(decoded) < MIN_PRINTABLE) continue;
    const line = lineAt(bytes, start);
    scanText(walk, decoded, [...within, { kind: 'base64', line }], false);
  }
}

/** The one place a file's match turns into what may leave the scanner. */
function toFileMatch(match: RawMatch, within: MatchLayer[]): FileMatch {
  const out: FileMatch = {
    ruleId: match.rule.id,
    line: match.line,
    redacted: redact(match.value),
    fingerprint: fingerprint(match.rule.id, match.value),
  };
  if (within.length > 0) out.within = within;
  return out;
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) {
    line++;
  }
  return line;
}

function describe(within: MatchLayer[]): string {
  const names = within.map((w) => (w.kind === 'member' ? w.name : w.kind));
  return names.length > 0 ? `${names.join(' > ')}: ` : '';
}
