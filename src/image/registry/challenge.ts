/**
 * WWW-Authenticate parsing (RFC 9110 section 11.6.1): one header may hold several
 * challenges, each `scheme` followed by comma-separated `name=value` parameters whose
 * values are tokens or quoted strings. Registries send `Bearer realm=...,service=...,
 * scope=...` (distribution's token.md) or `Basic realm=...`.
 */
export interface Challenge {
  scheme: string;
  /** Parameter names lowercased; values unquoted. */
  params: Record<string, string>;
}

const TOKEN_RE = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const SPACES_RE = /[ \t]*/y;
const MAX_HEADER = 8192;

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  spaces(): void {
    SPACES_RE.lastIndex = this.pos;
    SPACES_RE.exec(this.text);
    this.pos = SPACES_RE.lastIndex;
  }

  token(): string | undefined {
    TOKEN_RE.lastIndex = this.pos;
    const m = TOKEN_RE.exec(this.text);
    if (!m) return undefined;
    this.pos = TOKEN_RE.lastIndex;
    return m[0];
  }

  eat(char: string): boolean {
    if (this.text[this.pos] !== char) return false;
    this.pos++;
    return true;
  }

  quoted(): string | undefined {
    if (!this.eat('"')) return undefined;
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++]!;
      if (c === '"') return out;
      if (c === '\\' && this.pos < this.text.length) out += this.text[this.pos++];
      else out += c;
    }
    return undefined;
  }

  done(): boolean {
    return this.pos >= this.text.length;
  }
}

/** True when the cursor sits on `name =`, the start of a parameter rather than a scheme. */
function atParam(cur: Cursor): boolean {
  const start = cur.pos;
  const name = cur.token();
  cur.spaces();
  const isParam = name !== undefined && cur.text[cur.pos] === '=';
  cur.pos = start;
  return isParam;
}

function parseParams(cur: Cursor, params: Record<string, string>): boolean {
  while (!cur.done()) {
    // RFC 9110 section 5.6.1: empty list elements are allowed and ignored.
    cur.spaces();
    while (cur.eat(',')) cur.spaces();
    if (!atParam(cur)) return true;

    const name = cur.token()!.toLowerCase();
    cur.spaces();
    cur.eat('=');
    cur.spaces();
    const value = cur.text[cur.pos] === '"' ? cur.quoted() : cur.token();
    if (value === undefined) return false;
    params[name] = value;

    cur.spaces();
    if (cur.done()) return true;
    if (!cur.eat(',')) return false;
  }
  return true;
}

/** Returns the challenges found, or undefined when the header is malformed. */
export function parseChallenges(values: string[]): Challenge[] | undefined {
  const out: Challenge[] = [];

  for (const value of values) {
    if (value.length > MAX_HEADER) return undefined;
    const cur = new Cursor(value);
    while (true) {
      cur.spaces();
      while (cur.eat(',')) cur.spaces();
      if (cur.done()) break;

      const scheme = cur.token();
      if (!scheme) return undefined;
      const params: Record<string, string> = {};
      if (!parseParams(cur, params)) return undefined;
      out.push({ scheme: scheme.toLowerCase(), params });
    }
  }
  return out;
}
