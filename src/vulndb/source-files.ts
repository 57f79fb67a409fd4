import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { DrydockError, errorMessage } from '../errors.js';
import { log } from '../log.js';
import type { Problem } from './model.js';

/**
 * Reads a local source (a folder, a file, a `.gz` file or an OSV `all.zip`) as a list of
 * text files. Compressed input is detected from its magic bytes, not its name, and every
 * expansion is capped so a hostile archive cannot exhaust memory.
 */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export type SourceItem = { path: string; text: string } | { problem: Problem };

const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

export async function* readSourceFiles(location: string): AsyncGenerator<SourceItem> {
  const info = await stat(location).catch((err: unknown) => {
    throw new DrydockError('SOURCE_NOT_FOUND', `feed source ${location} cannot be read`, {
      cause: err,
    });
  });

  if (!info.isDirectory()) {
    yield* expandFile(location, location.split('/').at(-1) ?? location);
    return;
  }
  for (const path of await walk(location)) yield* expandFile(path, relative(location, path));
}

async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(root, { withFileTypes: true, recursive: true });

  for (const entry of entries) {
    // Dot folders (.git, .github) hold tooling, never advisories.
    const full = join(entry.parentPath, entry.name);
    if (!entry.isFile() || /(^|\/)\./.test(relative(root, full))) continue;
    out.push(full);
  }
  return out.sort();
}

async function* expandFile(full: string, path: string): AsyncGenerator<SourceItem> {
  let bytes: Buffer;
  try {
    const info = await stat(full);
    if (info.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES} bytes`);
    bytes = await readFile(full);
  } catch (err) {
    yield { problem: { path, reason: `cannot read: ${errorMessage(err)}` } };
    return;
  }
  yield* expandBytes(bytes, path);
}

/** Turns raw bytes into text files, unpacking gzip and zip on the way. */
export function* expandBytes(bytes: Uint8Array, path: string): Generator<SourceItem> {
  if (startsWith(bytes, ZIP)) {
    yield* unzip(bytes, path);
    return;
  }

  if (startsWith(bytes, GZIP)) {
    try {
      const inner = gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES });
      yield* expandBytes(inner, path.replace(/\.gz$/i, ''));
    } catch (err) {
      yield { problem: { path, reason: `broken gzip: ${errorMessage(err)}` } };
    }
    return;
  }
  yield { path, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8') };
}

function* unzip(bytes: Uint8Array, path: string): Generator<SourceItem> {
  let entries: Record<string, Uint8Array>;
  let total = 0;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return (
          !f.name.endsWith('/') && f.originalSize <= MAX_FILE_BYTES && total <= MAX_FILE_BYTES * 4
        );
      },
    });
  } catch (err) {
    yield { problem: { path, reason: `broken zip: ${errorMessage(err)}` } };
    return;
  }

  log().debug({ path, entries: Object.keys(entries).length }, 'unpacked feed archive');
  for (const [name, data] of Object.entries(entries)) {
    yield { path: `${path}!${name}`, text: Buffer.from(data).toString('utf8') };
  }
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
