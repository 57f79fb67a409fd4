import type { Instruction, Origin, Problem } from '../types.js';
import { splitLines } from './lines.js';
import { type Lookup, processWord, processWords } from './words.js';

/**
 * Parses a Dockerfile into instructions, one build stage per FROM. ARG and ENV values are
 * tracked per stage so the instructions Docker expands see the values a build with default
 * build arguments would: FROM sees only the ARGs declared before the first FROM, a stage
 * sees its own ARGs (a global one only once redeclared) and ENVs, and a stage built FROM an
 * earlier one inherits that stage's ENVs.
 */
export interface Stage {
  index: number;
  /** The `AS name`, lower-cased as Docker compares it. */
  name?: string;
  /** The image or stage name after expansion. */
  base: string;
  /** Set when `base` names an earlier stage. */
  parent?: number;
  line: number;
  env: Map<string, string>;
  args: Map<string, string>;
}

export interface ParsedDockerfile {
  instructions: Instruction[];
  stages: Stage[];
  problems: Problem[];
  escapeChar: string;
}

type Pair = { name: string; value: string };

/** Dockerfile instructions (Dockerfile reference). */
export const INSTRUCTIONS: readonly string[] = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
];
const KEYWORDS = new Set(INSTRUCTIONS);
const EXPANDED = new Set([
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'FROM',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);
const WITH_FLAGS = new Set(['FROM', 'RUN', 'ADD', 'COPY', 'HEALTHCHECK']);
const EXEC_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME']);
const HEAD = /^([A-Za-z]+)(?:\s+|$)([\s\S]*)$/;

export function parseDockerfile(text: string): ParsedDockerfile {
  const { lines, escapeChar } = splitLines(text);
  const parser = new Parser(escapeChar);
  for (const logical of lines) parser.line(logical.line, logical.text, logical.heredocs);
  return { ...parser.result(), escapeChar };
}

/** Instructions of an image's reconstructed history, each keeping its history origin. */
export function parseSteps(steps: Array<{ text: string; origin: Origin }>): Instruction[] {
  const parser = new Parser('\\', true);
  parser.implicitStage();
  const out: Instruction[] = [];
  for (const step of steps) {
    if (step.text.startsWith('#')) continue;
    const instruction = parser.line(0, step.text, []);
    if (!instruction) continue;
    instruction.origin = step.origin;
    out.push(instruction);
  }
  return out;
}

class Parser {
  private readonly instructions: Instruction[] = [];
  private readonly stages: Stage[] = [];
  private readonly problems: Problem[] = [];
  private readonly globalArgs = new Map<string, string>();

  constructor(
    private readonly escapeChar: string,
    /** History records values already expanded, so `$name` there is literal text. */
    private readonly literal = false,
  ) {}

  result(): Omit<ParsedDockerfile, 'escapeChar'> {
    return { instructions: this.instructions, stages: this.stages, problems: this.problems };
  }

  line(line: number, text: string, heredocs: string[]): Instruction | undefined {
    const head = HEAD.exec(text);
    const keyword = head?.[1]?.toUpperCase();
    if (!head || !keyword || !KEYWORDS.has(keyword)) {
      this.problems.push({ line, message: `unknown instruction "${text.slice(0, 40)}"` });
      return undefined;
    }

    const stage = this.stages[this.stages.length - 1];
    if (!stage && keyword !== 'FROM' && keyword !== 'ARG') {
      this.problems.push({ line, message: `${keyword} before the first FROM is ignored` });
      return undefined;
    }

    const lookup = this.lookupFor(keyword, stage);
    const { flags, rest } = WITH_FLAGS.has(keyword)
      ? readFlags(head[2]!, lookup, this.escapeChar)
      : { flags: {}, rest: head[2]! };
    const instruction = this.build(keyword, rest, flags, line, lookup, heredocs);
    this.apply(instruction, rest, lookup);
    return instruction;
  }

  /** Starts the one stage an image's history describes, whose base is not recorded. */
  implicitStage(): void {
    this.stages.push({ index: 0, base: '', line: 0, env: new Map(), args: new Map() });
  }

  private build(
    keyword: string,
    rest: string,
    flags: Record<string, string>,
    line: number,
    lookup: Lookup,
    heredocs: string[],
  ): Instruction {
    const json = EXEC_FORM.has(keyword) ? execForm(rest) : undefined;
    let args = EXPANDED.has(keyword) && !json ? expandArgs(rest, lookup, this.escapeChar) : rest;
    if (heredocs.length > 0) args = [args, ...heredocs].join('\n');

    const stage = keyword === 'FROM' ? this.stages.length : this.stages.length - 1;
    const instruction: Instruction = {
      keyword,
      args,
      flags,
      stage: Math.max(stage, 0),
      origin: { line },
    };
    if (json) instruction.json = json;
    this.instructions.push(instruction);
    return instruction;
  }

  private apply(instruction: Instruction, raw: string, lookup: Lookup): void {
    const stage = this.stages[this.stages.length - 1];
    const line = instruction.origin.line ?? 0;
    if (instruction.keyword === 'FROM') this.from(instruction, line);
    else if (instruction.keyword === 'ARG') instruction.pairs = this.arg(raw, lookup, stage);
    else if (instruction.keyword === 'LABEL')
      instruction.pairs = labelPairs(raw, lookup, this.escapeChar);
    else if (instruction.keyword === 'ENV' && stage) {
      instruction.pairs = envPairs(raw, lookup, this.escapeChar);
      for (const { name, value } of instruction.pairs) stage.env.set(name, value);
    }
  }

  private from(instruction: Instruction, line: number): void {
    const words = instruction.args.split(' ').filter(Boolean);
    const base = words[0] ?? '';
    const name = words[1]?.toUpperCase() === 'AS' ? words[2]?.toLowerCase() : undefined;
    if (base === '') this.problems.push({ line, message: 'FROM names no image after expansion' });

    const parent = this.stageIndex(base);
    const stage: Stage = {
      index: this.stages.length,
      base,
      line,
      env: new Map(parent === undefined ? [] : this.stages[parent]!.env),
      args: new Map(),
    };
    if (name) stage.name = name;
    if (parent !== undefined) stage.parent = parent;
    this.stages.push(stage);
  }

  private arg(raw: string, lookup: Lookup, stage: Stage | undefined): Pair[] {
    const pairs: Pair[] = [];
    for (const word of processWords(raw, lookup, { escapeChar: this.escapeChar })) {
      const eq = word.indexOf('=');
      const name = eq === -1 ? word : word.slice(0, eq);
      const fallback = stage ? this.globalArgs.get(name) : undefined;
      const value = eq === -1 ? (fallback ?? '') : word.slice(eq + 1);
      (stage ? stage.args : this.globalArgs).set(name, value);
      pairs.push({ name, value: eq === -1 ? '' : value });
    }
    return pairs;
  }

  /** An earlier stage named by `ref` (its AS name, or for COPY --from its index). */
  stageIndex(ref: string): number | undefined {
    const lower = ref.toLowerCase();
    const named = this.stages.find((s) => s.name === lower);
    return named?.index;
  }

  private lookupFor(keyword: string, stage: Stage | undefined): Lookup {
    if (this.literal) return (name) => `$${name}`;
    if (keyword === 'FROM' || !stage) return (name) => this.globalArgs.get(name);
    return (name) => stage.env.get(name) ?? stage.args.get(name);
  }
}

function readFlags(
  text: string,
  lookup: Lookup,
  escapeChar: string,
): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = text;
  for (let match = /^--([A-Za-z-]+)(?:=(\S*))?\s*/.exec(rest); match; ) {
    flags[match[1]!.toLowerCase()] = processWord(match[2] ?? '', lookup, { escapeChar });
    rest = rest.slice(match[0].length);
    match = /^--([A-Za-z-]+)(?:=(\S*))?\s*/.exec(rest);
  }
  return { flags, rest };
}

function execForm(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return parsed;
  } catch {
    // Docker runs a malformed exec form as a shell command; so do we.
  }
  return undefined;
}

function expandArgs(text: string, lookup: Lookup, escapeChar: string): string {
  return processWords(text, lookup, { escapeChar }).join(' ');
}

/** `ENV a=1 b="two words"`, or the legacy `ENV name the rest of the line`. */
export function envPairs(text: string, lookup: Lookup, escapeChar = '\\'): Pair[] {
  const trimmed = text.trim();
  const first = /^[^\s=]+(?=\s|$)/.exec(trimmed);
  if (first) {
    const value = processWord(trimmed.slice(first[0].length).trim(), lookup, { escapeChar });
    return [{ name: first[0], value }];
  }
  return labelPairs(trimmed, lookup, escapeChar);
}

function labelPairs(text: string, lookup: Lookup, escapeChar: string): Pair[] {
  const pairs: Pair[] = [];
  for (const word of processWords(text, lookup, { escapeChar })) {
    const eq = word.indexOf('=');
    if (eq > 0) pairs.push({ name: word.slice(0, eq), value: word.slice(eq + 1) });
  }
  return pairs;
}
