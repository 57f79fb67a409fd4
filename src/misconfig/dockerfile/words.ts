/**
 * Word processing for the instructions Docker expands (ADD, COPY, ENV, EXPOSE, FROM, LABEL,
 * STOPSIGNAL, USER, VOLUME, WORKDIR): quotes removed, the escapeChar character honoured, and
 * `$name`, `${name}`, `${name:-word}` and `${name:+word}` replaced. Single quotes keep
 * `$` literal. Output is bounded, so self-referencing variables cannot grow without end.
 */
export type Lookup = (name: string) => string | undefined;

const MAX_OUTPUT = 64 * 1024;
const MAX_DEPTH = 16;
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export interface WordOptions {
  escapeChar?: string;
  /** Keep whitespace inside the result instead of splitting on it (legacy `ENV k v w`). */
  single?: boolean;
}

export function processWords(text: string, lookup: Lookup, options: WordOptions = {}): string[] {
  return new Lexer(text, lookup, options.escapeChar ?? '\\', 0).words(options.single ?? false);
}

export function processWord(text: string, lookup: Lookup, options: WordOptions = {}): string {
  return processWords(text, lookup, { ...options, single: true })[0] ?? '';
}

class Lexer {
  private i = 0;
  private size = 0;

  constructor(
    private readonly text: string,
    private readonly lookup: Lookup,
    private readonly escapeChar: string,
    private readonly depth: number,
  ) {}

  words(single: boolean): string[] {
    const out: string[] = [];
    let current = '';
    let started = false;

    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      if (!single && (c === ' ' || c === '\t' || c === '\n')) {
        if (started) out.push(current);
        current = '';
        started = false;
        this.i++;
        continue;
      }
      const piece = this.piece(c);
      current = this.append(current, piece);
      // An unquoted expansion to nothing makes no word, as in the shell.
      if (piece !== '' || c !== '$') started = true;
    }

    if (started) out.push(current);
    return out;
  }

  /** Consumes one unit at the cursor (a char, an escapeChar, a quoted run or an expansion). */
  private piece(c: string): string {
    if (c === this.escapeChar) {
      const next = this.text[this.i + 1];
      this.i += next === undefined ? 1 : 2;
      return next ?? c;
    }
    if (c === "'") return this.singleQuoted();
    if (c === '"') return this.doubleQuoted();
    if (c === '$') return this.expansion();
    this.i++;
    return c;
  }

  private singleQuoted(): string {
    const close = this.text.indexOf("'", this.i + 1);
    const end = close === -1 ? this.text.length : close;
    const body = this.text.slice(this.i + 1, end);
    this.i = end + 1;
    return body;
  }

  private doubleQuoted(): string {
    let out = '';
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i]!;
      if (c === '"') {
        this.i++;
        return out;
      }
      const next = this.text[this.i + 1];
      if (c === this.escapeChar && (next === '"' || next === '$' || next === this.escapeChar)) {
        out = this.append(out, next);
        this.i += 2;
        continue;
      }
      out = this.append(out, c === '$' ? this.expansion() : c);
      if (c !== '$') this.i++;
    }
    return out;
  }

  private expansion(): string {
    const next = this.text[this.i + 1];
    if (next === '{') return this.braced();
    if (next === undefined || !NAME_START.test(next)) {
      this.i++;
      return '$';
    }

    let end = this.i + 1;
    while (end < this.text.length && NAME_CHAR.test(this.text[end]!)) end++;
    const name = this.text.slice(this.i + 1, end);
    this.i = end;
    return this.lookup(name) ?? '';
  }

  private braced(): string {
    const close = this.matchingBrace(this.i + 2);
    const body = this.text.slice(this.i + 2, close);
    this.i = close + 1;

    let n = 0;
    while (n < body.length && NAME_CHAR.test(body[n]!)) n++;
    const name = body.slice(0, n);
    const value = this.lookup(name);
    const modifier = body.slice(n, n + 2);
    const word = () => this.nested(body.slice(n + 2));

    if (modifier === ':-') return value ? value : word();
    if (modifier === ':+') return value ? word() : '';
    return value ?? '';
  }

  private matchingBrace(from: number): number {
    let depth = 1;
    for (let j = from; j < this.text.length; j++) {
      const c = this.text[j];
      if (c === '{') depth++;
      if (c === '}' && --depth === 0) return j;
    }
    return this.text.length;
  }

  private nested(word: string): string {
    if (this.depth >= MAX_DEPTH) return '';
    return new Lexer(word, this.lookup, this.escapeChar, this.depth + 1).words(true)[0] ?? '';
  }

  private append(current: string, piece: string): string {
    const room = MAX_OUTPUT - this.size;
    if (room <= 0) return current;
    const kept = piece.length > room ? piece.slice(0, room) : piece;
    this.size += kept.length;
    return current + kept;
  }
}
