import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/findings/types.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { emptyResult, HOSTILE, scanResult, TIMESTAMP } from './fixtures.js';

function render(result: ScanResult = scanResult()): string {
  return renderHtmlReport(result, { color: false, timestamp: TIMESTAMP });
}

/** The markup the page is allowed to contain; anything else came from the data. */
const TAGS = new Set([
  ...['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'strong', 'code'],
  ...['table', 'tr', 'th', 'td', 'a', 'details', 'summary', 'ul', 'li'],
]);
const ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'class', 'href', 'rel']);

function tags(html: string): { name: string; attributes: string[]; raw: string }[] {
  const body = html
    .replace(/<style>[\s\S]*?<\/style>/, '<style></style>')
    .replace(/^<!DOCTYPE html>/, '');
  return [...body.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)([^>]*)>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attributes: [...m[2]!.matchAll(/([^\s=]+)(?:="[^"]*")?/g)].map((a) => a[1]!.toLowerCase()),
    raw: m[0],
  }));
}

describe('html report: self-contained page', () => {
  it('is a complete document with an inline style and a policy that loads nothing', () => {
    const html = render();

    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(
      `content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"`,
    );
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it.each([
    ['a script', /<script/i],
    ['an external stylesheet', /<link/i],
    ['an image or frame', /<(img|iframe|object|embed)/i],
    ['a src attribute', /<[^>]+\ssrc=/i],
    ['a CSS import or url()', /@import|url\(/i],
    ['an inline event handler', /<[^>]+\son[a-z]+=/i],
  ])('contains no %s', (_, pattern) => {
    expect(render()).not.toMatch(pattern);
  });
});

describe('html report: hostile input', () => {
  it('uses only its own tags and attributes, whatever the package names hold', () => {
    for (const tag of tags(render())) {
      expect(TAGS.has(tag.name), tag.raw).toBe(true);
      for (const attribute of tag.attributes) expect(ATTRIBUTES.has(attribute), tag.raw).toBe(true);
    }
  });

  it('shows a hostile package name and title as escaped text', () => {
    const html = render();

    expect(html).not.toContain(HOSTILE.name);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('links only to http(s) addresses', () => {
    const hrefs = [...render().matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    expect(render()).not.toContain('href="javascript:');
  });

  it('escapes quotes inside attribute values', () => {
    const result = scanResult();
    result.vulnerabilities[0]!.references = ['https://example.org/"onmouseover="alert(1)'];

    expect(render(result)).not.toMatch(/href="[^"]*"onmouseover=/);
  });

  it('writes control characters from the image as visible text', () => {
    const html = render();

    expect(html).not.toContain('\u001b');
    expect(html).toContain('evil\\x1b[2J');
  });
});

describe('html report: content', () => {
  it('summarises every scanner with counts per severity and suppressed', () => {
    expect(render()).toContain(
      '<tr><td>Vulnerabilities</td><td class="n">4</td><td class="n">1</td><td class="n">1</td>',
    );
  });

  it('shows suppressed findings struck through with the reason, and unevaluated ones', () => {
    const html = render();

    expect(html).toMatch(/<tr class="suppressed">.*suppressed by vex: cookie header never set/);
    expect(html).toContain('<h2>Could not evaluate</h2>');
  });

  it('lists warnings and the policy verdict', () => {
    const html = render();

    expect(html).toContain('<li>warning: the vulnerability DB is 9 days old</li>');
    expect(html).toContain('<li>policy: failed (1 denied, 0 warned, 1 ignored)</li>');
  });

  it('says when nothing was found', () => {
    expect(render(emptyResult()).match(/None found\./g)).toHaveLength(3);
  });
});
