import type { OsvEvent, RangeSpec } from '../model.js';

/**
 * Turns the simple comparator ranges that npm, Composer and RubyGems feeds mostly use
 * (`<=1.5.1`, `>=2.0.0 <2.0.99`, `>= 1.0, < 2`, `*`) into OSV events. Anything with
 * operators that have no exact event form (`>`, `^`, `~`, `~>`, hyphen ranges, `!=`) is
 * kept as a NATIVE range in the feed's own syntax, for the ecosystem's own evaluator.
 */
type Comparator = { op: '<' | '<=' | '>=' | '='; version: string };

const COMPARATOR = /^(<=|>=|<|=|==)?\s*v?([0-9A-Za-z][0-9A-Za-z.+_-]*)$/;

/** One alternative (`a || b`) as comparators, or undefined when it has no event form. */
function comparators(part: string): Comparator[] | undefined {
  const tokens = part
    .trim()
    .replace(/(<=|>=|<|==|=)\s+/g, '$1')
    .split(/[\s,]+/)
    .filter((t) => t !== '');
  const out: Comparator[] = [];

  for (const token of tokens) {
    if (token === '*' || token === 'x') continue;

    const m = COMPARATOR.exec(token);
    if (!m?.[2]) return undefined;
    const op = m[1] === '==' || m[1] === undefined ? '=' : (m[1] as Comparator['op']);
    out.push({ op, version: m[2] });
  }
  return out;
}

/** Events for one conjunction: at most one lower bound (>=) and one upper (< or <=). */
function toEvents(list: Comparator[]): OsvEvent[] | undefined {
  const lower = list.filter((c) => c.op === '>=');
  const upper = list.filter((c) => c.op === '<' || c.op === '<=');
  if (lower.length > 1 || upper.length > 1 || list.some((c) => c.op === '=')) return undefined;

  const events: OsvEvent[] = [{ introduced: lower[0]?.version ?? '0' }];
  const top = upper[0];
  if (top) events.push(top.op === '<' ? { fixed: top.version } : { last_affected: top.version });
  return events;
}

export interface Converted {
  ranges: RangeSpec[];
  versions: string[];
}

/**
 * Converts an expression naming the affected versions. Alternatives are split on `||`;
 * when any alternative has no event form the whole expression stays NATIVE, so nothing
 * is half-converted.
 */
export function affectedExpression(expression: string, type: 'SEMVER' | 'ECOSYSTEM'): Converted {
  const native: Converted = {
    ranges: [{ type: 'NATIVE', expression, meaning: 'affected' }],
    versions: [],
  };
  const out: Converted = { ranges: [], versions: [] };

  for (const part of expression.split('||')) {
    const list = comparators(part);
    if (!list) return native;

    const exact = list.length === 1 && list[0]?.op === '=' ? list[0].version : undefined;
    if (exact) {
      out.versions.push(exact);
      continue;
    }

    const events = toEvents(list);
    if (!events) return native;
    out.ranges.push({ type, events });
  }
  return out.ranges.length + out.versions.length > 0 ? out : native;
}

/**
 * Converts a list of "safe" requirements (RubyGems `patched_versions` plus
 * `unaffected_versions`). Only the single `>= X` case has an exact event form; every
 * other list stays NATIVE with meaning `unaffected`.
 */
export function unaffectedList(requirements: string[]): RangeSpec[] {
  const only = requirements.length === 1 ? requirements[0] : undefined;
  const m = only ? /^>=\s*([0-9A-Za-z][0-9A-Za-z.+_-]*)$/.exec(only.trim()) : null;
  if (m?.[1]) return [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: m[1] }] }];

  if (requirements.length === 0) return [];
  return [{ type: 'NATIVE', expression: requirements.join(' || '), meaning: 'unaffected' }];
}
