/**
 * The two text formats inside Java archives. MANIFEST.MF (JAR File Specification): the
 * main section runs to the first blank line, and a line starting with one space continues
 * the previous one with that space removed. pom.properties: java.util.Properties lines,
 * `key=value` or `key:value`, `#` and `!` comments.
 */
export function parseManifest(text: string): Map<string, string> {
  const main = new Map<string, string>();
  let last: string | undefined;

  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    if (line.startsWith(' ') && last) {
      main.set(last, main.get(last) + line.slice(1));
      continue;
    }

    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim();
    main.set(last, line.slice(colon + 1).trim());
  }
  return main;
}

export function parseProperties(text: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;

    const match = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
    if (match) props.set(match[1]!, match[2]!.trim());
  }
  return props;
}
