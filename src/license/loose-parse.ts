import { exceptionId, resolveName } from './resolve.js';
import type { LicenseLeaf, LicenseNode } from './types.js';

/**
 * Reads license declarations written for people rather than for SPDX tools: Debian's
 * `GPL-2+ or Artistic, and BSD-3-clause` (copyright format 1.0: `and` binds tighter than
 * `or`, and a comma before either lowers its precedence below both), `LGPL-2.1+ or MPL-1.1`,
 * `Apache License, Version 2.0 & MIT`. Text it cannot read becomes one unknown license.
 */
type Token =
  | { type: 'open' | 'close' | 'and' | 'or' | 'with' | 'comma' }
  | { type: 'word'; value: string };

const MAX_DEPTH = 16;

class ParseFailure extends Error {}

export function parseLoose(text: string): LicenseNode {
  try {
    const parser = new Parser(tokenize(text));
    const node = parser.list(0);
    if (!parser.done()) throw new ParseFailure('trailing tokens');
    return node.kind === 'license' || anyKnown(node) ? node : { kind: 'license', text };
  } catch (err) {
    if (!(err instanceof ParseFailure)) throw err;
    return { kind: 'license', text };
  }
}

function tokenize(text: string): Token[] {
  const prepared = text
    .replace(/\s*,?\s*\bor\s+(?:\(at your option\)\s+)?(?:any\s+)?(?:later|newer)\b/gi, '+')
    .replace(/\band\/or\b/gi, ' or ')
    .replace(/_(and|or)_/gi, ' $1 ')
    .replace(/([(),])/g, ' $1 ');

  const tokens: Token[] = [];
  for (const word of prepared.split(/\s+/)) {
    if (word === '') continue;
    tokens.push(wordToken(word));
  }
  return tokens;
}

function wordToken(word: string): Token {
  const lower = word.toLowerCase();
  if (word === '(') return { type: 'open' };
  if (word === ')') return { type: 'close' };
  if (word === ',') return { type: 'comma' };
  if (lower === 'and' || word === '&' || word === '&&') return { type: 'and' };
  if (lower === 'or' || word === '|' || word === '||') return { type: 'or' };
  if (lower === 'with') return { type: 'with' };
  return { type: 'word', value: word };
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.index >= this.tokens.length;
  }

  /** Comma-separated parts, each a full expression: the lowest precedence. */
  list(depth: number): LicenseNode {
    let node = this.or(depth);
    while (this.peek()?.type === 'comma' && this.operatorAfterComma()) {
      this.index++;
      const kind = this.next()!.type as 'and' | 'or';
      node = join(kind, node, this.or(depth));
    }
    return node;
  }

  private or(depth: number): LicenseNode {
    let node = this.and(depth);
    while (this.peek()?.type === 'or') {
      this.index++;
      node = join('or', node, this.and(depth));
    }
    return node;
  }

  private and(depth: number): LicenseNode {
    let node = this.with(depth);
    while (this.peek()?.type === 'and') {
      this.index++;
      node = join('and', node, this.with(depth));
    }
    return node;
  }

  private with(depth: number): LicenseNode {
    const node = this.primary(depth);
    if (this.peek()?.type !== 'with') return node;

    this.index++;
    const exception = this.words();
    if (node.kind !== 'license') throw new ParseFailure('exception after a group');
    return attachException(node, exception);
  }

  private primary(depth: number): LicenseNode {
    if (this.peek()?.type !== 'open') {
      const text = this.words();
      return resolveName(text) ?? { kind: 'license', text };
    }

    if (depth >= MAX_DEPTH) throw new ParseFailure('nested too deeply');
    this.index++;
    const node = this.list(depth + 1);
    if (this.next()?.type !== 'close') throw new ParseFailure('unbalanced parenthesis');
    return node;
  }

  /** A run of words; a comma stays part of the name unless `and`/`or` follows it. */
  private words(): string {
    let text = '';
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.type === 'comma' && !this.operatorAfterComma()) {
        text += ',';
      } else if (token.type === 'word') {
        text += text === '' ? token.value : ` ${token.value}`;
      } else {
        break;
      }
      this.index++;
    }

    const name = text.replace(/,+$/, '');
    if (name === '') throw new ParseFailure('expected a license name');
    return name;
  }

  private operatorAfterComma(): boolean {
    const after = this.tokens[this.index + 1]?.type;
    return after === 'and' || after === 'or';
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    return this.tokens[this.index++];
  }
}

function attachException(node: LicenseLeaf, exception: string): LicenseLeaf {
  const text = `${node.text} with ${exception}`;
  if (!node.id)
    return node.family ? { kind: 'license', text, family: node.family } : { kind: 'license', text };
  return { ...node, text, exception: { text: exception, id: exceptionId(exception, node.id) } };
}

/** Prose split at its `and`s is no expression: one known license in it makes it one. */
function anyKnown(node: LicenseNode): boolean {
  if (node.kind === 'license') return node.id !== undefined || node.family !== undefined;
  return node.children.some(anyKnown);
}

/** Joins two nodes, flattening runs of the same operator: `a and b and c` is one group. */
function join(kind: 'and' | 'or', left: LicenseNode, right: LicenseNode): LicenseNode {
  const parts = (node: LicenseNode) => (node.kind === kind ? node.children : [node]);
  return { kind, children: [...parts(left), ...parts(right)] };
}
