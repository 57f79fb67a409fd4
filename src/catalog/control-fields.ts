/**
 * Reader for the "Key: value" stanza formats shared by dpkg's database (deb-control(5)) and
 * Python's core metadata (RFC 822 headers): a line starting with a space or tab continues
 * the previous field, and a blank line ends a stanza.
 */
export interface Stanza {
  /** 1-based line number of the stanza's first field, for problem reports. */
  line: number;
  fields: Map<string, string>;
  /** Fields that may repeat (Classifier, License-File) keep every value here. */
  repeated: Map<string, string[]>;
}

export interface StanzaParse {
  stanzas: Stanza[];
  /** Lines that are neither a field nor a continuation, as "line N". */
  malformed: string[];
}

const FIELD = /^([!-9;-~][!-9;-~]*):[ \t]*(.*)$/;

export function parseStanzas(text: string, options: { stopAtBlank?: boolean } = {}): StanzaParse {
  const stanzas: Stanza[] = [];
  const malformed: string[] = [];
  let current: Stanza | undefined;
  let lastKey: string | undefined;

  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      if (current && options.stopAtBlank) break;
      current = undefined;
      lastKey = undefined;
      continue;
    }

    if ((line.startsWith(' ') || line.startsWith('\t')) && current && lastKey) {
      appendContinuation(current, lastKey, line.trim());
      continue;
    }

    const match = FIELD.exec(line);
    if (!match) {
      malformed.push(`line ${i + 1}`);
      continue;
    }

    if (!current) {
      current = { line: i + 1, fields: new Map(), repeated: new Map() };
      stanzas.push(current);
    }
    lastKey = match[1]!.toLowerCase();
    addField(current, lastKey, match[2]!.trim());
  }

  return { stanzas, malformed };
}

function addField(stanza: Stanza, key: string, value: string): void {
  if (!stanza.fields.has(key)) stanza.fields.set(key, value);
  const all = stanza.repeated.get(key) ?? [];
  all.push(value);
  stanza.repeated.set(key, all);
}

function appendContinuation(stanza: Stanza, key: string, text: string): void {
  const all = stanza.repeated.get(key);
  if (!all || all.length === 0) return;

  const joined = `${all[all.length - 1]}\n${text}`;
  all[all.length - 1] = joined;
  if (all.length === 1) stanza.fields.set(key, joined);
}
