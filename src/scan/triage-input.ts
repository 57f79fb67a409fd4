import { readFile, stat } from 'node:fs/promises';
import { DrydockError } from '../errors.js';
import { log } from '../log.js';
import {
  flagPolicy,
  parseIgnoreFile,
  parsePolicy,
  parseSeverities,
  parseVex,
  type TriageInput,
} from '../policy/index.js';

/** The triage settings as the CLI flags give them, before any file is read. */
export interface TriageFlags {
  severity?: string;
  ignoreUnfixed?: boolean;
  exitCode?: number;
  ignoreFile?: string;
  policy?: string;
  vex?: string[];
}

const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Reads the files the flags name and turns the flags into one TriageInput. */
export async function loadTriageInput(flags: TriageFlags): Promise<TriageInput> {
  const input: TriageInput = {};
  if (flags.severity) input.severities = parseSeverities(flags.severity);
  if (flags.ignoreUnfixed) input.ignoreUnfixed = true;
  if (flags.ignoreFile) {
    input.ignores = parseIgnoreFile(
      await readBounded(flags.ignoreFile, 'ignore file'),
      flags.ignoreFile,
    );
  }

  for (const file of flags.vex ?? []) {
    const doc = parseVex(await readBounded(file, 'VEX document'), file);
    for (const p of doc.problems) log().warn(p, 'VEX statement skipped');
    input.vex = [...(input.vex ?? []), ...doc.statements];
  }

  if (flags.policy)
    input.policy = parsePolicy(await readBounded(flags.policy, 'policy'), flags.policy);
  else if (flags.exitCode !== undefined) input.policy = flagPolicy();
  return input;
}

async function readBounded(path: string, what: string): Promise<string> {
  const info = await stat(path).catch((err: unknown) => {
    throw new DrydockError('SOURCE_NOT_FOUND', `cannot read ${what} ${path}`, { cause: err });
  });
  if (info.size > MAX_FILE_BYTES) {
    throw new DrydockError('USAGE', `${what} ${path} is larger than ${MAX_FILE_BYTES} bytes`);
  }
  return readFile(path, 'utf8');
}
