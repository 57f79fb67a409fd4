import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DrydockError, errorMessage } from '../errors.js';
import { log } from '../log.js';
import { type CheckOptions, checkDockerfile, MAX_DOCKERFILE_CHARS } from './check.js';
import type { MisconfigResult, Severity } from './types.js';

/**
 * Finds and checks the Dockerfiles at a path on disk: the file itself, or every Dockerfile
 * and Containerfile below a folder. A file that cannot be read is reported and skipped.
 */
export interface FileResult extends MisconfigResult {
  /** Relative to the folder that was searched; the path as given for a single file. */
  path: string;
}

const DOCKERFILE_NAME = /^(?:dockerfile|containerfile)(?:\..+)?$|\.(?:dockerfile|containerfile)$/i;
const SKIP_DIRS = new Set(['.git', 'node_modules', 'vendor', '.venv', '__pycache__']);
const MAX_FILES = 1000;
const MAX_DEPTH = 12;

export async function findDockerfiles(path: string): Promise<string[]> {
  const info = await stat(path).catch((err: unknown) => {
    throw new DrydockError('SOURCE_NOT_FOUND', `cannot read ${path}: ${errorMessage(err)}`);
  });
  if (!info.isDirectory()) return [path];

  const found: string[] = [];
  await collect(path, 0, found);
  return found.sort();
}

async function collect(dir: string, depth: number, found: string[]): Promise<void> {
  if (depth > MAX_DEPTH || found.length >= MAX_FILES) return;
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    log().debug({ dir, reason: errorMessage(err) }, 'skipped unreadable folder');
    return [];
  });

  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) await collect(full, depth + 1, found);
    else if (entry.isFile() && DOCKERFILE_NAME.test(entry.name) && found.length < MAX_FILES) {
      found.push(full);
    }
  }
}

export async function checkPath(path: string, options: CheckOptions = {}): Promise<FileResult[]> {
  const files = await findDockerfiles(path);
  const isDir = (await stat(path)).isDirectory();
  const results: FileResult[] = [];

  for (const file of files) {
    const shown = isDir ? relative(path, file) : file;
    results.push({ path: shown, ...(await checkFile(file, options)) });
  }
  return results;
}

async function checkFile(file: string, options: CheckOptions): Promise<MisconfigResult> {
  const info = await stat(file).catch(() => undefined);
  if (info && info.size > MAX_DOCKERFILE_CHARS * 4) {
    return { findings: [], problems: [{ message: `larger than ${info.size} bytes; not checked` }] };
  }
  try {
    return checkDockerfile(await readFile(file, 'utf8'), options);
  } catch (err) {
    if (err instanceof DrydockError) throw err;
    return { findings: [], problems: [{ message: `cannot read the file: ${errorMessage(err)}` }] };
  }
}

/** Keeps the findings whose severity is listed; problems are always kept. */
export function withSeverities(results: FileResult[], severities: Set<Severity>): FileResult[] {
  return results.map((r) => ({
    ...r,
    findings: r.findings.filter((f) => severities.has(f.severity)),
  }));
}
