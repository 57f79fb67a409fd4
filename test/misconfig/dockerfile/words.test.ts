// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile text, not templates
import { describe, expect, it } from 'vitest';
import { processWord, processWords } from '../../../src/misconfig/dockerfile/words.js';

const vars: Record<string, string> = { A: 'one', EMPTY: '', SPACED: 'x y' };
const lookup = (name: string) => vars[name];

describe('processWords', () => {
  it.each([
    ['$A', ['one']],
    ['${A}-x', ['one-x']],
    ['${MISSING:-fallback}', ['fallback']],
    ['${EMPTY:-fallback}', ['fallback']],
    ['${A:-fallback}', ['one']],
    ['${A:+set}', ['set']],
    ['${MISSING:+set}', []],
    ['${MISSING:-${A}}', ['one']],
    ["'$A'", ['$A']],
    ['"$A b"', ['one b']],
    ['\\$A', ['$A']],
    ['"a \\" b"', ['a " b']],
    ['$ alone', ['$', 'alone']],
    ['a  b\tc', ['a', 'b', 'c']],
    ['""', ['']],
  ])('%s -> %j', (text, expected) => {
    expect(processWords(text, lookup)).toEqual(expected);
  });

  it('keeps whitespace in single-word mode and honours another escape character', () => {
    expect(processWord('a  $A', lookup)).toBe('a  one');
    expect(processWords('`$A', lookup, { escapeChar: '`' })).toEqual(['$A']);
  });

  it('survives hostile input: unterminated quotes and braces, deep nesting, huge output', () => {
    expect(processWords('"open $A', lookup)).toEqual(['open one']);
    expect(processWords("'open", lookup)).toEqual(['open']);
    expect(processWords('${A', lookup)).toEqual(['one']);

    const deep = `${'${X:-'.repeat(5000)}end${'}'.repeat(5000)}`;
    expect(processWords(deep, lookup)).toEqual([]);

    const big = 'B'.repeat(60_000);
    const huge = processWord('$B$B$B$B', (n) => (n === 'B' ? big : undefined));
    expect(huge.length).toBe(64 * 1024);
  });
});
