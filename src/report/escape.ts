/**
 * Escaping for each kind of text a report is written in. Every string in a scan result can
 * come from the scanned image (package names, paths, titles from feeds), so each writer
 * MUST pass it through the escape for its own format before it reaches the output.
 */
export { printable } from '../sbom/table.js';

/**
 * XML 1.0 allows no C0 controls but tab, newline and carriage return, not even as
 * character references (XML 1.0 section 2.2), nor lone surrogates or U+FFFE and U+FFFF;
 * C1 controls and the other noncharacters are discouraged there. All of them are written as
 * visible `\xNN` text instead of being dropped silently.
 */
const XML_INVALID = /(?![\t\n\r])\p{Cc}|\p{Cs}|\p{Noncharacter_Code_Point}/gu;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function visible(c: string): string {
  const code = c.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Safe in XML and HTML element content and in quoted attribute values alike. */
export function escapeXml(value: string): string {
  return value.replace(XML_INVALID, visible).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

export const escapeHtml = escapeXml;

/**
 * Text inside GitHub-flavoured Markdown, including table cells. HTML is neutralised as
 * entities (GitHub renders inline HTML), inline markup characters are backslash-escaped
 * (CommonMark 6.1), line breaks become spaces so a cell cannot end its row, and a zero-width
 * space after a word-initial `@` keeps a scope such as `@org/team` from notifying people.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(XML_INVALID, visible)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]|~#!()]/g, (c) => `\\${c}`)
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!)
    .replace(/(^|[^A-Za-z0-9_])@/g, '$1@&#8203;');
}

/** An address a report may link to: http(s) only, so `javascript:` and friends stay text. */
export function safeUrl(value: string): string | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}
