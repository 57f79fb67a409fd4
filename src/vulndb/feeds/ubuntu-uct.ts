import type { Advisory, AffectedPackage, DistroStatus, FeedResult } from '../model.js';
import { emptyResult, fixedAt, newAdvisory } from '../model.js';
import { problem } from './common.js';
import { ubuntuEcosystem } from './releases.js';
import type { FeedParser } from './types.js';

/**
 * Ubuntu CVE tracker files (active/CVE-*, ignored/CVE-*): RFC 822-like `Key: value`
 * fields with indented continuation lines, then per package `release_package: status
 * (note)`. Statuses are those of the tracker's README: released, needed, needs-triage,
 * pending, deferred, ignored, not-affected, DNE.
 */
const STATUS_LINE = /^([a-z]+(?:\/[a-z-]+)?)_(\S+):\s*([a-z-]+|DNE)\s*(?:\((.*)\))?\s*$/i;
const FIELD = /^([A-Za-z][A-Za-z0-9_./+-]*):\s?(.*)$/;

/** `upstream` and `devel` are not releases an image can run. */
const NOT_RELEASES = new Set(['upstream', 'devel', 'product', 'snap']);

export const ubuntuUctParser: FeedParser = {
  format: 'ubuntu-uct',
  detect({ head }) {
    return /^Candidate:/m.test(head) && /^PublicDate:/m.test(head);
  },
  parse(file) {
    const result = emptyResult();
    const fields = new Map<string, string>();
    let lastKey = '';

    for (const [index, line] of file.text.split('\n').entries()) {
      // `#` and `--` lines are the tracker's comments and commented-out fields.
      if (line.trim() === '' || line.startsWith('#') || line.startsWith('--')) continue;

      if (/^\s/.test(line)) {
        if (lastKey) fields.set(lastKey, `${fields.get(lastKey) ?? ''}\n${line.trim()}`);
        continue;
      }

      const m = FIELD.exec(line);
      if (!m?.[1]) {
        result.problems.push(problem(`${file.path}:${index + 1}`, 'unreadable line'));
        continue;
      }
      lastKey = m[1];
      if (!fields.has(lastKey)) fields.set(lastKey, m[2] ?? '');
    }

    const candidate = fields.get('Candidate')?.trim();
    // Template files (00boilerplate*) carry no candidate: nothing to record, nothing wrong.
    if (!candidate) return result;
    result.advisories.push(toAdvisory(candidate, fields, file.path, result));
    return result;
  },
};

function toAdvisory(
  id: string,
  fields: Map<string, string>,
  path: string,
  result: FeedResult,
): Advisory {
  const advisory = newAdvisory(id);
  advisory.published = fields.get('PublicDate')?.trim() || undefined;
  advisory.details = fields.get('Description')?.trim() || undefined;
  advisory.references = (fields.get('References') ?? '').split('\n').filter((r) => r.trim());

  const priority = fields.get('Priority')?.trim().split(/\s/)[0];
  if (priority) advisory.severities.push({ source: 'ubuntu', type: 'rating', rating: priority });

  for (const [key, value] of fields) {
    const m = STATUS_LINE.exec(`${key}: ${value.split('\n')[0]}`);
    if (!m || /^(Patches|Priority|Tags)_/.test(key)) continue;

    const [, release = '', pkg = '', status = '', note] = m;
    if (NOT_RELEASES.has(release.split('/')[0] ?? '')) continue;

    const entry = statusEntry(release, pkg, status, note);
    if (entry === 'skip') continue;
    if (entry === undefined) {
      result.problems.push(problem(path, `${id}: unknown status ${status} for ${key}`));
      continue;
    }
    entry.severity = fields.get(`Priority_${pkg}`)?.trim() || priority;
    advisory.affected.push(entry);
  }
  return advisory;
}

function statusEntry(
  release: string,
  name: string,
  status: string,
  note: string | undefined,
): AffectedPackage | 'skip' | undefined {
  const kind = distroStatus(status, note);
  if (kind === 'skip' || kind === undefined) return kind;

  const entry: AffectedPackage = {
    ecosystem: ubuntuEcosystem(release),
    name,
    ranges: [],
    versions: [],
    status: kind,
  };
  const version = note?.trim().split(/\s/)[0];
  if (kind === 'fixed' && version && /^[0-9]/.test(version)) entry.ranges.push(fixedAt(version));
  return entry;
}

function distroStatus(status: string, note: string | undefined): DistroStatus | 'skip' | undefined {
  switch (status) {
    case 'released':
      return 'fixed';
    case 'needed':
    case 'needs-triage':
    case 'pending':
    case 'deferred':
    case 'active':
      return 'unfixed';
    case 'not-affected':
      return 'not-affected';
    case 'ignored':
      return /end[- ]of[- ]life|out of standard support|end of standard support/i.test(note ?? '')
        ? 'end-of-life'
        : 'will-not-fix';
    case 'DNE':
      return 'skip';
    default:
      return undefined;
  }
}
