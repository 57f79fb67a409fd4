import type { SecretRule } from './types.js';

/**
 * The hot path of the scanner: one pass over a file's bytes finds which rule keywords
 * occur (Aho-Corasick, as a full transition table with ASCII case folded) and, in the
 * same pass, the runs of base64 characters long enough to hide an encoded secret. Only
 * the rules behind the keywords that occurred run afterwards, so a file with no keyword
 * costs this single pass. A table walk does constant work per byte whatever the input.
 */
export interface PrefilterHit {
  rules: SecretRule[];
  /** [start, end) byte ranges of base64 runs at least `minBase64` long. */
  base64Runs: [number, number][];
}

const ALPHABET = 256;
const BASE64 = new Uint8Array(ALPHABET);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') {
  BASE64[ch.charCodeAt(0)] = 1;
}

export class KeywordPrefilter {
  private readonly delta: Int32Array;
  /** Indexed by premultiplied state: 1 where some keyword ends. */
  private readonly terminal: Uint8Array;
  /** For each state, the keyword ids it completes (its own and its fail chain's). */
  private readonly outputs: number[][];
  private readonly rulesOf: SecretRule[][];

  constructor(
    rules: readonly SecretRule[],
    private readonly minBase64 = 24,
    private readonly maxBase64Runs = 256,
  ) {
    const keywords = new Map<string, SecretRule[]>();
    for (const rule of rules) {
      for (const keyword of rule.keywords) {
        const list = keywords.get(keyword) ?? [];
        list.push(rule);
        keywords.set(keyword, list);
      }
    }
    this.rulesOf = [...keywords.values()];
    const built = buildAutomaton([...keywords.keys()]);
    this.outputs = built.outputs;
    this.delta = built.delta.map((next) => next * ALPHABET);
    this.terminal = new Uint8Array(built.delta.length);
    built.outputs.forEach((ids, state) => {
      if (ids.length > 0) this.terminal[state * ALPHABET] = 1;
    });
  }

  scan(bytes: Uint8Array): PrefilterHit {
    const { delta, terminal, minBase64 } = this;
    const seen = new Uint8Array(this.rulesOf.length);
    const base64Runs: [number, number][] = [];
    // States are stored premultiplied by the alphabet size, so a step is one lookup.
    let state = 0;
    let run = 0;

    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      state = delta[state + b]!;
      if (terminal[state] === 1) this.mark(state, seen);
      if (BASE64[b] === 1) {
        run++;
      } else {
        if (run >= minBase64 && base64Runs.length < this.maxBase64Runs) {
          base64Runs.push([i - run, withPadding(bytes, i)]);
        }
        run = 0;
      }
    }
    if (run >= minBase64 && base64Runs.length < this.maxBase64Runs) {
      base64Runs.push([bytes.length - run, bytes.length]);
    }
    return { rules: this.rulesFor(seen), base64Runs };
  }

  private mark(state: number, seen: Uint8Array): void {
    for (const k of this.outputs[state / ALPHABET]!) seen[k] = 1;
  }

  private rulesFor(seen: Uint8Array): SecretRule[] {
    const hit = new Set<SecretRule>();
    seen.forEach((on, k) => {
      if (on) for (const rule of this.rulesOf[k]!) hit.add(rule);
    });
    return [...hit];
  }
}

/** A run ends at `end`; up to two `=` of padding that follow belong to it. */
function withPadding(bytes: Uint8Array, end: number): number {
  let at = end;
  while (at < bytes.length && at - end < 2 && bytes[at] === 0x3d) at++;
  return at;
}

function buildAutomaton(keywords: string[]): { delta: Int32Array; outputs: number[][] } {
  const trie: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  keywords.forEach((keyword, id) => {
    let state = 0;
    for (const byte of Buffer.from(keyword.toLowerCase(), 'latin1')) {
      let next = trie[state]!.get(byte);
      if (next === undefined) {
        next = trie.length;
        trie.push(new Map());
        outputs.push([]);
        trie[state]!.set(byte, next);
      }
      state = next;
    }
    outputs[state]!.push(id);
  });

  const delta = new Int32Array(trie.length * ALPHABET);
  const fail = new Int32Array(trie.length);
  const queue: number[] = [];
  for (let b = 0; b < ALPHABET; b++) {
    const next = trie[0]!.get(foldCase(b)) ?? 0;
    delta[b] = next;
    if (next !== 0 && foldCase(b) === b) queue.push(next);
  }
  // Breadth-first, so a state's fail target is complete before the state itself.
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let b = 0; b < ALPHABET; b++) {
      const next = trie[state]!.get(foldCase(b));
      const viaFail = delta[fail[state]! * ALPHABET + b]!;
      if (next === undefined) {
        delta[state * ALPHABET + b] = viaFail;
        continue;
      }
      delta[state * ALPHABET + b] = next;
      if (foldCase(b) === b) {
        fail[next] = viaFail;
        queue.push(next);
      }
    }
  }
  return { delta, outputs };
}

function foldCase(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
