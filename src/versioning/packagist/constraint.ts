import { AFFECTED, MAX_RANGE_LENGTH, NOT_AFFECTED, unknown } from '../result.js';
import type { RangeResult } from '../types.js';
import { phpVersionCompare } from './compare.js';

/**
 * Composer constraints (getcomposer.org/doc/articles/versions.md) as security feeds
 * write them: alternatives joined by `||` (or `|`), each a list of terms joined by `,` or
 * spaces that must all hold. Terms: `OP VERSION` (`<`, `<=`, `>`, `>=`, `=`, `==`, `!=`,
 * `<>`), exact `1.2.3`, wildcard `1.2.*`, tilde `~1.2`, caret `^1.2`, hyphen `1.0 - 2.0`.
 * Order is version_compare's, as OSV uses for Packagist.
 */
type Test = (v: string) => boolean;

const OPS: Readonly<Record<string, (c: number) => boolean>> = {
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
  '=': (c) => c === 0,
  '==': (c) => c === 0,
  '!=': (c) => c !== 0,
  '<>': (c) => c !== 0,
};

const VERSION = /^v?[0-9][0-9A-Za-z.+_-]*$/;

export function satisfiesComposer(version: string, constraint: string): RangeResult {
  if (constraint.length > MAX_RANGE_LENGTH) return unknown('constraint is too long');

  const alternatives = constraint.split(/\s*\|\|?\s*/);
  let inside = false;
  for (const alternative of alternatives) {
    const tests = parseAlternative(alternative);
    if (typeof tests === 'string') return unknown(tests);
    if (tests.every((t) => t(version))) inside = true;
  }
  return inside ? AFFECTED : NOT_AFFECTED;
}

function parseAlternative(text: string): Test[] | string {
  const normalized = text
    .trim()
    .replace(/\s+-\s+/g, ' - ')
    .replace(/([<>=!]+)\s+/g, '$1');
  const tokens = normalized.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 0) return 'constraint has an empty alternative';

  const tests: Test[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i + 1] === '-' && tokens[i + 2] !== undefined) {
      const [low, high] = [tokens[i]!, tokens[i + 2]!];
      if (!VERSION.test(low) || !VERSION.test(high)) return `bad hyphen range "${low} - ${high}"`;
      tests.push((v) => cmp(v, low) >= 0 && cmp(v, high) <= 0);
      i += 2;
      continue;
    }
    const test = parseTerm(tokens[i]!);
    if (typeof test === 'string') return test;
    tests.push(test);
  }
  return tests;
}

const cmp = (a: string, b: string) => phpVersionCompare(strip(a), strip(b));
const strip = (v: string) => (v.startsWith('v') ? v.slice(1) : v);

function parseTerm(term: string): Test | string {
  if (term === '*') return () => true;

  const op = /^(<>|<=|>=|==|!=|<|>|=)(.*)$/.exec(term);
  if (op !== null) {
    const [, symbol = '', bound = ''] = op;
    if (!VERSION.test(bound)) return `"${term}" has no valid version`;
    return (v) => OPS[symbol]!(cmp(v, bound));
  }

  if (term.startsWith('^')) return caret(term.slice(1));
  if (term.startsWith('~')) return tilde(term.slice(1));
  if (/^v?[0-9]+(\.[0-9]+)*\.[*x]$/.test(term)) return wildcard(term.slice(0, -2));
  if (VERSION.test(term)) return (v) => cmp(v, term) === 0;
  return `"${term}" is not a Composer constraint`;
}

function numbers(v: string): number[] | undefined {
  const m = /^v?([0-9]+(?:\.[0-9]+)*)/.exec(v);
  return m === null ? undefined : m[1]!.split('.').map(Number);
}

function upperBound(parts: number[], index: number): string {
  const upper = parts.slice(0, index + 1);
  upper[index] = (upper[index] ?? 0) + 1;
  return `${upper.join('.')}.0-dev`;
}

// `1.2.*`: >= 1.2.0-dev and < 1.3.0-dev.
function wildcard(prefix: string): Test | string {
  const parts = numbers(prefix);
  if (parts === undefined) return `bad wildcard "${prefix}.*"`;
  const low = `${parts.join('.')}.0-dev`;
  const high = upperBound(parts, parts.length - 1);
  return (v) => cmp(v, low) >= 0 && cmp(v, high) < 0;
}

// `~1.2` allows 1.x from 1.2 on; `~1.2.3` allows 1.2.x from 1.2.3 on.
function tilde(bound: string): Test | string {
  const parts = numbers(bound);
  if (parts === undefined || !VERSION.test(bound)) return `bad tilde constraint "~${bound}"`;
  const high = upperBound(parts, Math.max(0, parts.length - 2));
  return (v) => cmp(v, bound) >= 0 && cmp(v, high) < 0;
}

// `^1.2.3` allows up to the next major; below 1.0 the first non-zero part is the limit.
function caret(bound: string): Test | string {
  const parts = numbers(bound);
  if (parts === undefined || !VERSION.test(bound)) return `bad caret constraint "^${bound}"`;
  let index = parts.findIndex((n) => n !== 0);
  if (index === -1) index = parts.length - 1;
  const high = upperBound(parts, index);
  return (v) => cmp(v, bound) >= 0 && cmp(v, high) < 0;
}
