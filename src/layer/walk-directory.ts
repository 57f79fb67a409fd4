import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DrydockError } from '../errors.js';
import { compileConsumers } from './consumers.js';
import { LayerRecorder } from './layer-record.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { TarEntry } from './tar-parser.js';
import type { Consumer, EntryType, LayerOrigin } from './types.js';
import { WalkResult } from './walk-result.js';

export interface DirectoryWalkOptions {
  /** Root-relative directories not to descend into. */
  skipDirs?: string[];
}

/** Kernel and runtime pseudo-filesystems: their files are not what an image ships. */
const ROOT_SKIPS = ['proc', 'sys', 'dev', 'run'];

/**
 * Walks a root filesystem on disk as if it were one layer. Links are recorded, never
 * followed: every directory is listed with lstat and every file is opened with
 * O_NOFOLLOW and checked to be a regular file, so nothing outside `dir` is read.
 */
export async function walkDirectory(
  dir: string,
  consumers: Consumer[],
  options: DirectoryWalkOptions = {},
): Promise<WalkResult> {
  const root = resolve(dir);
  const top = await lstat(root).catch((err: unknown) => {
    throw new DrydockError('SOURCE_NOT_FOUND', `cannot read directory ${dir}`, { cause: err });
  });
  if (!top.isDirectory()) throw new DrydockError('SOURCE_NOT_FOUND', `${dir} is not a directory`);

  const origin: LayerOrigin = { index: 0, diffId: '' };
  const recorder = new LayerRecorder(
    origin,
    compileConsumers(consumers),
    DEFAULT_LIMITS.maxDiagnostics,
  );
  const skips = new Set(options.skipDirs ?? (root === '/' ? ROOT_SKIPS : []));

  let bytes = 0;
  const pending: string[] = [''];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    const names = await readdir(join(root, rel)).catch(() => {
      recorder.diagnose('unreadable-dir', 'directory could not be listed', rel || '.');
      return [] as string[];
    });
    const paths = names.sort().map((name) => (rel ? `${rel}/${name}` : name));
    const kept = paths.filter((p) => !skips.has(p));
    // One directory's lstat calls at once: the thread pool overlaps them, order is kept.
    const stats = await Promise.all(kept.map((p) => lstat(join(root, p)).catch(() => undefined)));
    for (const [i, path] of kept.entries()) {
      const stat = stats[i];
      if (!stat) continue;
      if (stat.isDirectory()) pending.push(path);
      bytes += await visit(recorder, root, path, stat);
    }
  }

  recorder.finish(bytes);
  return new WalkResult([origin], [recorder.record], [recorder.values], []);
}

async function visit(
  recorder: LayerRecorder,
  root: string,
  path: string,
  stat: Stats,
): Promise<number> {
  const type = typeOf(stat);
  if (!type) return 0;
  const entry: TarEntry = {
    name: path,
    type,
    size: type === 'file' ? stat.size : 0,
    mode: stat.mode & 0o7777,
    uid: stat.uid,
    gid: stat.gid,
    mtime: Math.floor(stat.mtimeMs / 1000),
    linkname: '',
  };
  if (type === 'symlink') {
    entry.linkname = await readlink(join(root, path)).catch(() => '');
  }
  if (!recorder.entry(entry)) return 0;

  const content = await readNoFollow(join(root, path), entry.size);
  if (content === undefined) {
    recorder.diagnose('unreadable-file', 'file changed or could not be read; skipped', path);
    return 0;
  }
  recorder.data(entry, content);
  await recorder.drain();
  return content.length;
}

async function readNoFollow(path: string, size: number): Promise<Buffer | undefined> {
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size !== size) return undefined;
      const buf = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buf, 0, size, 0);
      return bytesRead === size ? buf : undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

function typeOf(stat: Stats): EntryType | undefined {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'dir';
  if (stat.isSymbolicLink()) return 'symlink';
  if (stat.isCharacterDevice()) return 'char';
  if (stat.isBlockDevice()) return 'block';
  if (stat.isFIFO()) return 'fifo';
  return undefined;
}
