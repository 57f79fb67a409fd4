import type { Advisory, AffectedPackage, DistroStatus, FeedResult } from '../model.js';
import { emptyResult, fixedAt, newAdvisory } from '../model.js';
import { problem } from './common.js';
import { debianEcosystem } from './releases.js';
import type { FeedParser } from './types.js';

/**
 * The Debian security tracker's advisory lists, data/DSA/list, data/DLA/list and
 * data/DTSA/list. Each entry is a header line `[date] DSA-n-m package - title`, then
 * indented lines: `{CVE-... CVE-...}` and `[release] - package version-or-<status>
 * (urgency)`. NOTE lines are commentary.
 */
const HEADER = /^\[([^\]]+)\]\s+((?:DSA|DLA|DTSA)-\d+(?:-\d+)?)\s+(\S+)?(?:\s+-?\s*(.*))?$/;
const CVES = /^\s+\{([^}]*)\}\s*$/;
const FIX = /^\s+\[([a-z0-9-]+)\]\s+-\s+(\S+)\s+(<[a-z-]+>|\S+)(?:\s+\((.*)\))?\s*$/;

const STATUS: Record<string, DistroStatus> = {
  '<not-affected>': 'not-affected',
  '<unfixed>': 'unfixed',
  '<end-of-life>': 'end-of-life',
  '<no-dsa>': 'will-not-fix',
  '<ignored>': 'will-not-fix',
  '<postponed>': 'unfixed',
};

export const debianListParser: FeedParser = {
  format: 'debian-list',
  detect({ head }) {
    return /^\[[^\]]+\]\s+(DSA|DLA|DTSA)-\d+/.test(head);
  },
  parse(file) {
    const result = emptyResult();
    let current: Advisory | undefined;

    for (const [index, line] of file.text.split('\n').entries()) {
      if (line.trim() === '' || /^\s+NOTE:/.test(line)) continue;
      const where = `${file.path}:${index + 1}`;

      const header = HEADER.exec(line);
      if (header) {
        current = startAdvisory(header);
        result.advisories.push(current);
        continue;
      }
      if (!current) {
        result.problems.push(problem(where, 'line outside any advisory'));
        continue;
      }
      readBodyLine(line, current, where, result);
    }
    return result;
  },
};

function startAdvisory(header: RegExpExecArray): Advisory {
  const advisory = newAdvisory(header[2] ?? '');
  advisory.published = trackerDate(header[1] ?? '');
  const title = header[4]?.trim();
  advisory.summary = [header[3], title].filter(Boolean).join(' - ') || undefined;
  return advisory;
}

function readBodyLine(line: string, advisory: Advisory, where: string, result: FeedResult): void {
  const cves = CVES.exec(line);
  if (cves) {
    const ids = (cves[1] ?? '').split(/\s+/).filter((id) => id !== '');
    advisory.aliases.push(...ids);
    return;
  }

  const fix = FIX.exec(line);
  if (fix) {
    advisory.affected.push(fixLine(fix));
    return;
  }
  result.problems.push(problem(where, `unreadable line in ${advisory.id}`));
}

function fixLine(fix: RegExpExecArray): AffectedPackage {
  const [, release = '', name = '', what = '', note] = fix;
  const affected: AffectedPackage = {
    ecosystem: debianEcosystem(release),
    name,
    ranges: [],
    versions: [],
  };

  const status = STATUS[what];
  if (status) {
    affected.status = status;
  } else if (what.startsWith('<')) {
    affected.status = 'unfixed';
  } else {
    affected.status = 'fixed';
    affected.ranges.push(fixedAt(what));
  }

  // DTSA lines carry the urgency in parentheses; DSA notes are prose, not ratings.
  const urgency = note?.trim().toLowerCase();
  if (urgency && /^(unimportant|low|medium|high|critical)$/.test(urgency)) {
    affected.severity = urgency;
  }
  return affected;
}

/** `29 Mar 2023` or `August 26th, 2005` as `YYYY-MM-DD`; the raw text when unreadable. */
function trackerDate(text: string): string | undefined {
  const cleaned = text.replace(/(\d+)(st|nd|rd|th)/, '$1');
  const ms = Date.parse(`${cleaned} UTC`);
  if (Number.isNaN(ms)) return text || undefined;
  return new Date(ms).toISOString().slice(0, 10);
}
