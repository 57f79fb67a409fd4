import type { Check, Evidence, FilesystemContext } from '../types.js';
import { findProgram, fromEntry } from './shared.js';

/** Checks for tools an attacker would otherwise have to bring: debuggers, sniffers, fetchers. */
const IMAGE = ['image'] as const;

const DEBUG_TOOLS = [
  'gdb',
  'gdbserver',
  'strace',
  'ltrace',
  'valgrind',
  'tcpdump',
  'tshark',
  'nmap',
  'nc',
  'netcat',
  'ncat',
  'socat',
];
const FETCH_TOOLS = ['curl', 'wget'];
const SHELLS = ['bin/sh', 'bin/bash', 'bin/ash', 'bin/dash', 'usr/bin/sh', 'usr/bin/bash'];

export const debugTools: Check = {
  id: 'DD-FS-007',
  title: 'Debugging or network tools present',
  severity: 'LOW',
  rationale:
    'Debuggers, tracers, sniffers and netcat let an intruder read other processes, capture ' +
    'traffic or open reverse shells; a production image has no use for them.',
  remedy: 'Install them only in a debug variant of the image or in an ephemeral debug container.',
  targets: IMAGE,
  evaluate(ctx) {
    const fs = ctx.fs;
    return fs ? programs(fs, DEBUG_TOOLS, (name) => `${name} is installed`) : [];
  },
};

export const fetchToolsInMinimalImage: Check = {
  id: 'DD-FS-008',
  title: 'Download tools in a distroless-style image',
  severity: 'LOW',
  rationale:
    'An image without a shell is built to leave an intruder nothing to work with; curl or ' +
    'wget in it hands back the means to fetch and run a payload.',
  remedy: 'Do the download in a build stage and copy only its result into the final image.',
  targets: IMAGE,
  evaluate(ctx) {
    const fs = ctx.fs;
    if (!fs || hasShell(fs)) return [];
    return programs(fs, FETCH_TOOLS, (name) => `${name} is installed in an image with no shell`);
  },
};

function hasShell(fs: FilesystemContext): boolean {
  return SHELLS.some((path) => {
    const placed = fs.squashed.resolve(path);
    return placed !== undefined && placed.entry.type !== 'dir';
  });
}

function programs(
  fs: FilesystemContext,
  names: string[],
  detail: (name: string) => string,
): Evidence[] {
  const out: Evidence[] = [];
  for (const name of names) {
    const placed = findProgram(fs, name);
    if (placed) out.push(fromEntry(fs, placed, detail(name)));
  }
  return out;
}
