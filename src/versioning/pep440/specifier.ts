import { compareDigits } from '../numeric.js';
import { AFFECTED, MAX_RANGE_LENGTH, NOT_AFFECTED, unknown } from '../result.js';
import type { Parsed, RangeResult } from '../types.js';
import { comparePep440 } from './compare.js';
import { baseOf, isPrerelease, type Pep440Version, parsePep440, publicOf } from './parse.js';

/**
 * PEP 440 specifier sets ("Version specifiers" section): comma-separated clauses that
 * must all hold. Operators: `~=` compatible release, `==`/`!=` with optional `.*`
 * prefix match, `<=`, `>=`, exclusive `<` and `>`, and `===` arbitrary (text) equality.
 */
interface Clause {
  op: string;
  text: string;
  version?: Pep440Version;
  prefix: boolean;
}

const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>)\s*(\S+)$/;

function parseClause(raw: string): Clause | string {
  const m = CLAUSE.exec(raw.trim());
  if (m === null) return `"${raw.trim()}" is not a PEP 440 specifier`;
  const [, op = '', text = ''] = m;
  if (op === '===') return { op, text, prefix: false };

  const prefix = (op === '==' || op === '!=') && text.endsWith('.*');
  const parsed = parsePep440(prefix ? text.slice(0, -2) : text);
  if (!parsed.ok) return `"${text}" in specifier: ${parsed.reason}`;

  const v = parsed.value;
  if (prefix && (v.pre || v.post || v.dev || v.local))
    return `prefix match "${text}" on a non-release`;
  if (v.local !== undefined && op !== '==' && op !== '!=') return `"${op}" takes no local label`;
  if (op === '~=' && v.release.length < 2) return `"~=${text}" needs two release numbers`;
  return { op, text, version: v, prefix };
}

export function parseSpecifierSet(spec: string): Clause[] | string {
  if (spec.length > MAX_RANGE_LENGTH) return 'specifier set is too long';
  const clauses: Clause[] = [];
  for (const raw of spec.split(',')) {
    if (raw.trim() === '' && spec.trim() === '') continue;
    const clause = parseClause(raw);
    if (typeof clause === 'string') return clause;
    clauses.push(clause);
  }
  return clauses;
}

/**
 * SpecifierSet.contains. `prereleases`: true admits pre-releases; undefined follows
 * packaging's default (admitted only when a clause names a pre-release). A candidate that
 * is not a valid version can only match `===`.
 */
export function containsPep440(
  spec: string,
  candidate: Parsed<Pep440Version>,
  rawCandidate: string,
  prereleases?: boolean,
): RangeResult {
  const clauses = parseSpecifierSet(spec);
  if (typeof clauses === 'string') return unknown(clauses);

  if (!candidate.ok) {
    const text = rawCandidate.trim().toLowerCase();
    const all =
      clauses.length > 0 && clauses.every((c) => c.op === '===' && c.text.toLowerCase() === text);
    return all ? AFFECTED : NOT_AFFECTED;
  }

  const v = candidate.value;
  const allowPre = prereleases ?? clauses.some((c) => clauseNamesPrerelease(c));
  if (!allowPre && isPrerelease(v)) return NOT_AFFECTED;
  return clauses.every((c) => holds(c, v)) ? AFFECTED : NOT_AFFECTED;
}

function clauseNamesPrerelease(c: Clause): boolean {
  if (c.version !== undefined) return c.op !== '!=' && isPrerelease(c.version);
  const parsed = parsePep440(c.text);
  return parsed.ok && isPrerelease(parsed.value);
}

function holds(c: Clause, v: Pep440Version): boolean {
  if (c.op === '===') return v.raw.toLowerCase() === c.text.toLowerCase();
  const s = c.version!;

  switch (c.op) {
    case '==':
      return equal(c, v);
    case '!=':
      return !equal(c, v);
    case '<=':
      return comparePep440(publicOf(v), s) <= 0;
    case '>=':
      return comparePep440(publicOf(v), s) >= 0;
    case '<':
      return lessThan(v, s);
    case '>':
      return greaterThan(v, s);
    default:
      return compatible(v, s);
  }
}

function equal(c: Clause, v: Pep440Version): boolean {
  const s = c.version!;
  if (c.prefix) return prefixMatch(v, s.epoch, s.release);
  if (s.local !== undefined) return comparePep440(v, s) === 0;
  return comparePep440(publicOf(v), s) === 0;
}

/**
 * `==X.Y.*`: same epoch, and the candidate's release, padded with zeros, starts with X.Y.
 * Pre, post and dev parts of the candidate do not matter (`2rc1` matches `==2.0.*`).
 */
function prefixMatch(v: Pep440Version, epoch: string, prefix: string[]): boolean {
  if (compareDigits(v.epoch, epoch) !== 0) return false;
  return prefix.every((n, i) => compareDigits(v.release[i] ?? '0', n) === 0);
}

// `<V` admits no pre-release of V itself unless V is a pre-release.
function lessThan(v: Pep440Version, s: Pep440Version): boolean {
  if (comparePep440(v, s) >= 0) return false;
  if (!isPrerelease(s) && isPrerelease(v)) return comparePep440(baseOf(v), baseOf(s)) !== 0;
  return true;
}

// `>V` admits no post-release of V unless V is one, and no local version of V.
function greaterThan(v: Pep440Version, s: Pep440Version): boolean {
  if (comparePep440(v, s) <= 0) return false;
  if (s.post === undefined && v.post !== undefined && comparePep440(baseOf(v), baseOf(s)) === 0) {
    return false;
  }
  return v.local === undefined || comparePep440(publicOf(v), s) !== 0;
}

// `~=X.Y.Z` is `>=X.Y.Z, ==X.Y.*` (suffixes of the spec dropped before taking the prefix).
function compatible(v: Pep440Version, s: Pep440Version): boolean {
  if (comparePep440(publicOf(v), s) < 0) return false;
  return prefixMatch(v, s.epoch, s.release.slice(0, -1));
}
