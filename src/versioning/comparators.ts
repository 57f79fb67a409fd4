import { AFFECTED, MAX_RANGE_LENGTH, NOT_AFFECTED, unknown } from './result.js';
import type { Parsed, RangeResult } from './types.js';

/**
 * Evaluation of plain comparator lists, the range form shared by distro relations
 * (`>= 1.0, << 2.0`), the SemVer fallback and several feeds: alternatives joined by `||`,
 * each a list of `OP VERSION` terms joined by `,` or whitespace, all of which must hold.
 */
export type OperatorTable = Readonly<Record<string, (cmp: number) => boolean>>;

export const COMMON_OPERATORS: OperatorTable = {
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '=': (c) => c === 0,
  '==': (c) => c === 0,
  '!=': (c) => c !== 0,
  '>=': (c) => c >= 0,
  '>': (c) => c > 0,
};

export interface Term {
  op: string;
  version: string;
}

interface Scheme<V> {
  parse(input: string): Parsed<V>;
  compare(a: V, b: V): number;
  /** An operator-specific order, for schemes whose operators differ in more than the test. */
  compareFor?(op: string): ((a: V, b: V) => number) | undefined;
}

/** Splits a comparator-list range into alternatives of terms, or says why it cannot. */
export function parseComparatorList(range: string, ops: OperatorTable): Term[][] | string {
  if (range.length > MAX_RANGE_LENGTH) return `range is longer than ${MAX_RANGE_LENGTH} characters`;
  if (range.trim() === '') return 'range is empty';

  const alternatives: Term[][] = [];
  for (const part of range.split('||')) {
    const terms = parseTerms(part, ops);
    if (typeof terms === 'string') return terms;
    alternatives.push(terms);
  }
  return alternatives;
}

function parseTerms(part: string, ops: OperatorTable): Term[] | string {
  const tokens = part.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 0) return 'range has an empty alternative';

  const terms: Term[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const op = leadingOperator(token);
    if (op === undefined) {
      terms.push({ op: '=', version: token });
      continue;
    }

    if (!(op in ops)) return `operator "${op}" is not supported here`;
    // The version may follow the operator directly or as the next token (`>= 1.0`).
    const rest = token.slice(op.length);
    const version = rest !== '' ? rest : tokens[++i];
    if (version === undefined || leadingOperator(version) !== undefined) {
      return `operator "${op}" has no version`;
    }
    terms.push({ op, version });
  }
  return terms;
}

function leadingOperator(token: string): string | undefined {
  let end = 0;
  while (end < token.length && '<>=!~^'.includes(token[end]!)) end++;
  return end === 0 ? undefined : token.slice(0, end);
}

/** Evaluates a comparator list against a parsed version with the scheme's own order. */
export function satisfiesComparators<V>(
  scheme: Scheme<V>,
  version: V,
  range: string,
  ops: OperatorTable = COMMON_OPERATORS,
): RangeResult {
  const alternatives = parseComparatorList(range, ops);
  if (typeof alternatives === 'string') return unknown(alternatives);

  let sawUnknown: string | undefined;
  for (const terms of alternatives) {
    const result = allHold(scheme, version, terms, ops);
    if (result === true) return AFFECTED;
    if (typeof result === 'string') sawUnknown ??= result;
  }
  return sawUnknown === undefined ? NOT_AFFECTED : unknown(sawUnknown);
}

function allHold<V>(scheme: Scheme<V>, version: V, terms: Term[], ops: OperatorTable) {
  for (const term of terms) {
    const bound = scheme.parse(term.version);
    if (!bound.ok) return `range version "${term.version}": ${bound.reason}`;
    const compare = scheme.compareFor?.(term.op) ?? scheme.compare;
    if (!ops[term.op]!(compare(version, bound.value))) return false;
  }
  return true;
}
