import type { FileHandle } from 'node:fs/promises';
import { DrydockError } from '../../errors.js';
import { normaliseEntryPath } from '../../layer/paths.js';
import { BLOCK, decodeHeader, isZeroBlock, parsePax } from '../../layer/tar-header.js';

export interface TarMember {
  offset: number;
  size: number;
}

const MAX_META = 1024 * 1024;
const MAX_MEMBERS = 1_000_000;

/**
 * Lists the regular files of an uncompressed tar on disk by reading only its headers and
 * seeking over the data, so a multi-gigabyte image archive is indexed in milliseconds and
 * any member can then be streamed from its offset.
 */
export async function indexTar(handle: FileHandle, what: string): Promise<Map<string, TarMember>> {
  const members = new Map<string, TarMember>();
  const { size: total } = await handle.stat();
  const block = Buffer.alloc(BLOCK);
  let pos = 0;
  let longName: string | undefined;

  while (pos + BLOCK <= total) {
    await readExactly(handle, block, pos, what);
    if (isZeroBlock(block, 0)) break;

    const header = wrap(() => decodeHeader(block, 0), what, pos);
    const dataAt = pos + BLOCK;
    if (dataAt + header.size > total) {
      throw new DrydockError('LAYER_CORRUPT', `${what} is truncated inside ${header.name}`);
    }
    pos = dataAt + Math.ceil(header.size / BLOCK) * BLOCK;

    if (header.typeflag === 'x' || header.typeflag === 'L') {
      if (header.size > MAX_META)
        throw new DrydockError('LAYER_CORRUPT', `${what}: oversized tar metadata`);
      const meta = Buffer.alloc(header.size);
      await readExactly(handle, meta, dataAt, what);
      longName =
        header.typeflag === 'L'
          ? meta.toString('utf8').replace(/\0+$/, '')
          : wrap(() => parsePax(meta), what, dataAt).get('path');
      continue;
    }

    const name = longName ?? header.name;
    longName = undefined;
    const isFile = header.typeflag === '0' || header.typeflag === '\0' || header.typeflag === '7';
    const norm = normaliseEntryPath(name);
    if (!isFile || !norm.ok) continue;
    if (members.size >= MAX_MEMBERS)
      throw new DrydockError('LAYER_CORRUPT', `${what} has too many members`);
    members.set(norm.path, { offset: dataAt, size: header.size });
  }
  return members;
}

async function readExactly(
  handle: FileHandle,
  buf: Buffer,
  at: number,
  what: string,
): Promise<void> {
  const { bytesRead } = await handle.read(buf, 0, buf.length, at);
  if (bytesRead !== buf.length) throw new DrydockError('LAYER_CORRUPT', `${what} is truncated`);
}

function wrap<T>(fn: () => T, what: string, at: number): T {
  try {
    return fn();
  } catch (err) {
    throw new DrydockError('LAYER_CORRUPT', `${what}: bad tar header at byte ${at}`, {
      cause: err,
    });
  }
}
