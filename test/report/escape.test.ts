import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeXml, safeUrl } from '../../src/report/escape.js';

describe('report escape: escapeXml', () => {
  it.each([
    ['plain', 'plain'],
    ['<a href="x">&\'</a>', '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;'],
    ['tab\tnew\nline\r', 'tab\tnew\nline\r'],
    ['bell\u0007esc\u001b', 'bell\\x07esc\\x1b'],
    ['nul\u0000', 'nul\\x00'],
    ['c1\u0085', 'c1\\x85'],
    ['non\ufffechar', 'non\\u{fffe}char'],
    ['lone\ud800surrogate', 'lone\\u{d800}surrogate'],
    ['pair \u{1f600} kept', 'pair \u{1f600} kept'],
    [']]>', ']]&gt;'],
  ])('%j becomes %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('report escape: escapeMarkdown', () => {
  it.each([
    ['lodash', 'lodash'],
    ['a|b', 'a\\|b'],
    ['**x** _y_ `z` ~w~', '\\*\\*x\\*\\* \\_y\\_ \\`z\\` \\~w\\~'],
    ['[t](javascript:x)', '\\[t\\]\\(javascript:x\\)'],
    ['<b>&</b>', '&lt;b&gt;&amp;&lt;/b&gt;'],
    ['one\ntwo\r\nthree', 'one two three'],
    ['@org/team', '@&#8203;org/team'],
    ['see @someone', 'see @&#8203;someone'],
    ['pkg@1.0', 'pkg@1.0'],
    ['back\\slash', 'back\\\\slash'],
    ['esc\u001b[31m', 'esc\\\\x1b\\[31m'],
  ])('%j becomes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('report escape: safeUrl', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['HTTP://Example.org', 'http://example.org/'],
    ['https://example.org/a?b=<c>', 'https://example.org/a?b=%3Cc%3E'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    [' https://leading.space', undefined],
    ['https://', undefined],
    ['//example.org', undefined],
  ])('%j gives %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});
