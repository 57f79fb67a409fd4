/**
 * Declared licenses inside a Java archive: the `<licenses>` of a Maven POM (POM
 * reference, "Licenses": each `<license>` has a `<name>` and a `<url>`) and the OSGi
 * `Bundle-License` manifest header (OSGi core spec 3.2.1.10: a comma list of clauses, each a
 * license id or URL, with `;link=` and `;description=` attributes). Values stay as written;
 * the license scanner maps names and URLs to SPDX ids.
 */
const MAX_POM_CHARS = 1024 * 1024;
const MAX_LICENSES = 50;

export function pomLicenses(xml: string): string[] {
  const text = xml.length > MAX_POM_CHARS ? xml.slice(0, MAX_POM_CHARS) : xml;
  const block = between(text, '<licenses>', '</licenses>');
  if (block === undefined) return [];

  const out: string[] = [];
  let rest = block;
  for (let i = 0; i < MAX_LICENSES; i++) {
    const license = between(rest, '<license>', '</license>');
    if (license === undefined) break;
    const declared = tagText(license, 'name') ?? tagText(license, 'url');
    if (declared) out.push(declared);
    rest = rest.slice(rest.indexOf('</license>') + '</license>'.length);
  }
  return out;
}

export function bundleLicenses(header: string | undefined): string[] {
  if (!header) return [];
  return splitClauses(header)
    .map((clause) => clause.split(';')[0]!.trim().replace(/^"|"$/g, ''))
    .filter((id) => id !== '' && id !== '<<EXTERNAL>>')
    .slice(0, MAX_LICENSES);
}

/** Commas inside quoted attribute values do not split clauses. */
function splitClauses(header: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}

function between(text: string, open: string, close: string): string | undefined {
  const start = text.indexOf(open);
  if (start < 0) return undefined;
  const end = text.indexOf(close, start + open.length);
  return end < 0 ? undefined : text.slice(start + open.length, end);
}

function tagText(xml: string, tag: string): string | undefined {
  const inner = between(xml, `<${tag}>`, `</${tag}>`);
  const value = inner
    ?.replace(/<!\[CDATA\[|\]\]>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return value ? decodeEntities(value) : undefined;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
