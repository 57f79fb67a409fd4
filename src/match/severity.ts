import { ratingOf, scoreVector } from '../cvss/index.js';
import type { CvssScore, SeverityLevel } from '../findings/types.js';
import type { Severity } from '../vulndb/model.js';

/**
 * Which rating a finding shows. A distro's own rating of its package wins for OS packages
 * (it knows how the package is built and used); then the advisory feeds in the order
 * below, then NVD, then anything else. A vector with no word is rated by its score.
 */
const WORDS: Readonly<Record<string, SeverityLevel>> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  important: 'HIGH',
  medium: 'MEDIUM',
  moderate: 'MEDIUM',
  low: 'LOW',
  negligible: 'NEGLIGIBLE',
  unimportant: 'NEGLIGIBLE',
};

const LANGUAGE_PREFERENCE = ['ghsa', 'rustsec', 'pypa', 'rubysec', 'nodejs-wg', 'go', 'nvd'];
const OS_PREFERENCE = ['nvd', 'ghsa'];

export function levelOfWord(word: string | undefined): SeverityLevel | undefined {
  return word ? WORDS[word.trim().toLowerCase()] : undefined;
}

export interface SeverityChoice {
  level: SeverityLevel;
  source: string;
}

export function chooseSeverity(
  severities: Severity[],
  options: { os: boolean; distroRating?: { word: string; source: string } },
): SeverityChoice {
  const distro = levelOfWord(options.distroRating?.word);
  if (distro && options.distroRating) return { level: distro, source: options.distroRating.source };

  const preference = options.os ? OS_PREFERENCE : LANGUAGE_PREFERENCE;
  const rank = (s: Severity) => {
    const i = preference.indexOf(s.source);
    return i === -1 ? preference.length : i;
  };
  const rated = severities
    .map((s) => ({ s, level: levelOf(s) }))
    .filter((r): r is { s: Severity; level: SeverityLevel } => r.level !== undefined)
    .sort((a, b) => rank(a.s) - rank(b.s) || typeRank(a.s) - typeRank(b.s));

  const best = rated[0];
  return best ? { level: best.level, source: best.s.source } : { level: 'UNKNOWN', source: 'none' };
}

// Within one source, a newer CVSS version says more than an older one or a bare word.
function typeRank(s: Severity): number {
  return ['CVSS_V4', 'CVSS_V3', 'rating', 'CVSS_V2'].indexOf(s.type) + 1 || 5;
}

function levelOf(s: Severity): SeverityLevel | undefined {
  const word = levelOfWord(s.rating);
  if (word) return word;
  if (s.type === 'CVSS_V2') return undefined;

  const score = s.vector ? scoreVector(s.vector) : undefined;
  const value = score?.ok ? score.value.score : s.score;
  if (value === undefined) return undefined;
  const rating = ratingOf(value);
  return rating === 'NONE' ? 'NEGLIGIBLE' : rating;
}

/** Every CVSS vector the sources gave, scored here, once per source and vector. */
export function cvssScores(severities: Severity[]): CvssScore[] {
  const seen = new Set<string>();
  const out: CvssScore[] = [];
  for (const s of severities) {
    if (!s.vector || seen.has(`${s.source}|${s.vector}`)) continue;
    seen.add(`${s.source}|${s.vector}`);

    const scored = scoreVector(s.vector);
    if (!scored.ok) continue;
    out.push({ ...scored.value, source: s.source });
  }
  return out.sort((a, b) => b.version.localeCompare(a.version) || a.source.localeCompare(b.source));
}
