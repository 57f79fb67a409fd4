import type { PlacedEntry } from '../../layer/squash.js';
import type { Evidence, FilesystemContext, Instruction, Origin } from '../types.js';

/** Helpers the check families share: evidence with its layer and step, binaries, commands. */
export const MAX_EVIDENCE = 50;

export function fromOrigin(origin: Origin, detail: string): Evidence {
  return { ...origin, detail };
}

/** Evidence for a file: the layer that wrote it and the history step behind that layer. */
export function fromEntry(fs: FilesystemContext, placed: PlacedEntry, detail: string): Evidence {
  const evidence: Evidence = { path: placed.entry.path, layer: placed.layer, detail };
  const origin = fs.layers[placed.layer];
  if (origin?.historyIndex !== undefined) evidence.historyIndex = origin.historyIndex;
  if (origin?.createdBy !== undefined) evidence.createdBy = origin.createdBy;
  return evidence;
}

/** Keeps reports readable on images with thousands of hits; the count is not lost. */
export function capEvidence(list: Evidence[]): Evidence[] {
  if (list.length <= MAX_EVIDENCE) return list;
  const kept = list.slice(0, MAX_EVIDENCE);
  kept.push({ detail: `and ${list.length - MAX_EVIDENCE} more` });
  return kept;
}

const BIN_DIRS = ['usr/local/sbin', 'usr/local/bin', 'usr/sbin', 'usr/bin', 'sbin', 'bin'];

/**
 * The installed program `name` on the usual PATH, followed through symlinks. BusyBox applet
 * links are not counted: every Alpine image has them, and a finding on each would bury the
 * images that installed the real tool.
 */
export function findProgram(fs: FilesystemContext, name: string): PlacedEntry | undefined {
  for (const dir of BIN_DIRS) {
    const placed = fs.squashed.resolve(`${dir}/${name}`);
    if (!placed || (placed.entry.type !== 'file' && placed.entry.type !== 'hardlink')) continue;
    if (/(^|\/)busybox$/.test(placed.entry.path) && name !== 'busybox') continue;
    return { ...placed, entry: { ...placed.entry, path: `${dir}/${name}` } };
  }
  return undefined;
}

export function hasPackage(fs: FilesystemContext, names: readonly string[]): string | undefined {
  return fs.facts.packages.find((p) => names.includes(p.name))?.name;
}

/**
 * A shell command line cut into simple commands (at `;`, `&&`, `||`, `|`, `&` and newlines),
 * each as words with quotes removed. Written as a scanner, not a regular expression, so
 * hostile RUN lines cost linear time.
 */
export function simpleCommands(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let quote = '';

  const endWord = () => {
    if (word !== '') words.push(word);
    word = '';
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else word += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < text.length) word += text[++i];
    else if (c === ';' || c === '|' || c === '&' || c === '\n') endCommand();
    else if (c === ' ' || c === '\t') endWord();
    else word += c;
  }
  endCommand();
  return commands;
}

const SHELL_C = /^(?:\/usr)?(?:\/bin\/)?(?:ba|da|a)?sh\s+-c\s+/;

/**
 * The shell script a RUN runs: its exec form's `sh -c` argument, or its text without the
 * `/bin/sh -c` that BuildKit history writes in front.
 */
export function runScript(i: Instruction): string {
  if (i.json) {
    const [shell, flag, script] = i.json;
    if (shell && flag === '-c' && script !== undefined && SHELL_C.test(`${shell} -c `))
      return script;
    return i.json.join(' ');
  }
  return i.args.replace(SHELL_C, '');
}

/** Package-manager verbs that install packages, by the command that takes them. */
const INSTALL_VERBS: Record<string, string[]> = {
  'apt-get': ['install'],
  apt: ['install'],
  aptitude: ['install'],
  apk: ['add'],
  yum: ['install'],
  dnf: ['install'],
  microdnf: ['install'],
  zypper: ['install', 'in'],
  tdnf: ['install'],
};

/** Package names a simple command installs: `apt-get -y install sudo=1.9 curl` -> both. */
export function installedPackages(words: string[]): string[] {
  const start = commandIndex(words);
  if (start === -1 || !Object.hasOwn(INSTALL_VERBS, basename(words[start]!))) return [];
  const verbs = INSTALL_VERBS[basename(words[start]!)]!;

  const operands = withoutOptions(words.slice(start + 1));
  if (!verbs.includes(operands[0] ?? '')) return [];
  return operands.slice(1).map((w) => w.split(/[=<>]/)[0]!.split(':')[0]!);
}

/** Words that run the command after them: `DEBIAN_FRONTEND=noninteractive sudo apt-get`. */
const WRAPPERS = new Set(['sudo', 'env', 'nice', 'time', 'command', 'exec', 'nohup']);

/** Where the program of a simple command is, past variable assignments and wrappers. */
function commandIndex(words: string[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || WRAPPERS.has(basename(w))) continue;
    return i;
  }
  return -1;
}

/** Options that take the next word as their value (`-o Dpkg::Options=...`, `-t bookworm`). */
const VALUED_OPTIONS = new Set(['-o', '-t', '-c', '-X', '--repository', '--setopt']);

function withoutOptions(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (VALUED_OPTIONS.has(w)) i++;
    else if (!w.startsWith('-')) out.push(w);
  }
  return out;
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}
