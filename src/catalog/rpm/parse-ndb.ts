import type { CatalogValue } from '../cataloger.js';
import { collectHeaders } from './collect.js';

/**
 * rpm's NDB backend (`Packages.db`, rpm 4.16+, little-endian), per rpm's
 * lib/backend/ndb/rpmpkg.c: a 32-byte file header (magic "RpmP", version, generation,
 * number of slot pages), slot entries of 16 bytes (magic "Slot", package index, block
 * offset, block count) filling the slot pages after the header, and blobs at
 * `offset * 16`, each with a 16-byte header (magic "BlbS", package index, generation,
 * length) before the header blob.
 */
const HEADER_MAGIC = 0x506d7052;
const SLOT_MAGIC = 0x746f6c53;
const BLOB_MAGIC = 0x53626c42;
const PAGE_SIZE = 4096;
const BLOCK_SIZE = 16;
const MAX_SLOT_PAGES = 4096;

export function parseRpmNdb(bytes: Buffer, path: string): CatalogValue {
  if (bytes.length < 32 || bytes.readUInt32LE(0) !== HEADER_MAGIC) {
    return { packages: [], problems: [{ path, message: 'not an rpm ndb database' }] };
  }

  const slotPages = bytes.readUInt32LE(12);
  if (slotPages === 0 || slotPages > MAX_SLOT_PAGES) {
    return { packages: [], problems: [{ path, message: `ndb declares ${slotPages} slot pages` }] };
  }

  const problems: CatalogValue['problems'] = [];
  const blobs: Buffer[] = [];
  const slotsEnd = Math.min(slotPages * PAGE_SIZE, bytes.length);
  for (let at = 32; at + 16 <= slotsEnd; at += 16) {
    if (bytes.readUInt32LE(at) !== SLOT_MAGIC) {
      problems.push({ path, message: `slot at byte ${at} has a bad magic` });
      break;
    }

    const pkgIndex = bytes.readUInt32LE(at + 4);
    if (pkgIndex === 0) continue;
    const blob = readBlob(bytes, pkgIndex, bytes.readUInt32LE(at + 8));
    if (typeof blob === 'string') problems.push({ path, message: blob });
    else blobs.push(blob);
  }

  const value = collectHeaders(blobs, path);
  value.problems.unshift(...problems);
  return value;
}

function readBlob(bytes: Buffer, pkgIndex: number, blockOffset: number): Buffer | string {
  const at = blockOffset * BLOCK_SIZE;
  if (at + 16 > bytes.length) return `package ${pkgIndex}: blob offset is past the end of file`;
  if (bytes.readUInt32LE(at) !== BLOB_MAGIC || bytes.readUInt32LE(at + 4) !== pkgIndex) {
    return `package ${pkgIndex}: blob header does not match its slot`;
  }

  const length = bytes.readUInt32LE(at + 12);
  if (at + 16 + length > bytes.length) {
    return `package ${pkgIndex}: blob declares ${length} bytes, past the end of file`;
  }
  return bytes.subarray(at + 16, at + 16 + length);
}
