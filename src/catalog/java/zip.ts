import { inflateRawSync } from 'node:zlib';
import { DrydockError } from '../../errors.js';

/**
 * A small reader for zip archives held in memory (APPNOTE.TXT): the end-of-central-directory
 * record, its ZIP64 variant, central directory entries, and stored or deflated members.
 * Declared sizes are never trusted for allocation: every inflate is capped by the caller's
 * budget, so an archive that inflates past it (a zip bomb) fails instead of filling memory.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

export interface InflateBudget {
  /** Bytes that may still be inflated across this archive and everything nested in it. */
  remaining: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 200_000;

export function listEntries(zip: Buffer): ZipEntry[] {
  const eocd = findEocd(zip);
  let count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);

  if (count === 0xffff || offset === 0xffffffff) {
    const zip64 = readZip64(zip, eocd);
    count = zip64.count;
    offset = zip64.offset;
  }
  if (count > MAX_ENTRIES) {
    throw new DrydockError('ARCHIVE_INVALID', `zip declares ${count} entries`);
  }

  const entries: ZipEntry[] = [];
  for (let i = 0, at = offset; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) {
      throw new DrydockError(
        'ARCHIVE_INVALID',
        `zip central directory entry ${i} is truncated or corrupt`,
      );
    }
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
    };
    const extra = zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    applyZip64Extra(entry, extra, zip.readUInt32LE(at + 24) === 0xffffffff);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function readEntry(zip: Buffer, entry: ZipEntry, budget: InflateBudget): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) {
    throw new DrydockError('ARCHIVE_INVALID', `zip member ${entry.name} has no local header`);
  }

  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) {
    throw new DrydockError('ARCHIVE_INVALID', `zip member ${entry.name} runs past the archive`);
  }
  const raw = zip.subarray(start, end);

  const data = inflateMember(raw, entry, budget.remaining);
  if (data.length > budget.remaining) {
    throw new DrydockError(
      'ARCHIVE_INVALID',
      `zip member ${entry.name} exceeds the inflate budget`,
    );
  }
  budget.remaining -= data.length;
  return data;
}

function inflateMember(raw: Buffer, entry: ZipEntry, cap: number): Buffer {
  if (entry.method === 0) return raw;
  if (entry.method !== 8) {
    const message = `zip member ${entry.name} uses compression method ${entry.method}`;
    throw new DrydockError('ARCHIVE_INVALID', message);
  }

  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, cap) });
  } catch (err) {
    const tooLarge =
      err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    const message = tooLarge
      ? `zip member ${entry.name} inflates past the inflate budget`
      : `zip member ${entry.name} does not inflate: ${(err as Error).message}`;
    throw new DrydockError('ARCHIVE_INVALID', message, { cause: err });
  }
}

function findEocd(zip: Buffer): number {
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= floor; at--) {
    if (zip.readUInt32LE(at) === EOCD) return at;
  }
  throw new DrydockError('ARCHIVE_INVALID', 'no zip end of central directory record');
}

function readZip64(zip: Buffer, eocd: number): { count: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) {
    throw new DrydockError('ARCHIVE_INVALID', 'zip64 archive has no zip64 locator');
  }

  const record = Number(zip.readBigUInt64LE(locator + 8));
  if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_EOCD) {
    throw new DrydockError('ARCHIVE_INVALID', 'zip64 end of central directory record is corrupt');
  }
  return {
    count: Number(zip.readBigUInt64LE(record + 32)),
    offset: Number(zip.readBigUInt64LE(record + 48)),
  };
}

/** ZIP64 extended information (header id 1) carries the sizes that overflowed 32 bits. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer, hasUncompressed: boolean): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      // Order per APPNOTE 4.5.3: uncompressed size, compressed size, local header offset.
      if (hasUncompressed) field += 8;
      if (entry.compressedSize === 0xffffffff && field + 8 <= at + 4 + size) {
        entry.compressedSize = Number(extra.readBigUInt64LE(field));
        field += 8;
      }
      if (entry.localOffset === 0xffffffff && field + 8 <= at + 4 + size) {
        entry.localOffset = Number(extra.readBigUInt64LE(field));
      }
    }
    at += 4 + size;
  }
}
