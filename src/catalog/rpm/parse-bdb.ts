import { DrydockError } from '../../errors.js';
import type { CatalogValue } from '../cataloger.js';
import { collectHeaders } from './collect.js';

/**
 * rpm's Berkeley DB backend (`Packages`): a BDB hash database whose values are header
 * blobs. Page 0 is the hash metadata page; hash pages hold key/value items in pairs, and
 * values too large for a page (every header in practice) are H_OFFPAGE items pointing at
 * a chain of overflow pages. Layout per BDB's dbinc/db_page.h. The file is in the byte
 * order of the machine that wrote it; the metadata magic tells which.
 */
const HASH_MAGIC = 0x061561;
const PAGE_HEADER = 26;
const P_HASH_UNSORTED = 2;
const P_OVERFLOW = 7;
const P_HASH = 13;
const H_OFFPAGE = 3;
const MAX_VALUE = 256 * 1024 * 1024;

interface BdbFile {
  bytes: Buffer;
  pageSize: number;
  pageCount: number;
  le: boolean;
}

export function parseRpmBdb(bytes: Buffer, path: string): CatalogValue {
  const file = openBdb(bytes);
  if (typeof file === 'string') return { packages: [], problems: [{ path, message: file }] };

  const blobs: Buffer[] = [];
  const problems: CatalogValue['problems'] = [];
  for (let pgno = 1; pgno < file.pageCount; pgno++) {
    const page = pageAt(file, pgno);
    if (page[25] !== P_HASH && page[25] !== P_HASH_UNSORTED) continue;

    for (const ref of offPageValues(file, page)) {
      try {
        blobs.push(readOverflow(file, ref.pgno, ref.length));
      } catch (err) {
        problems.push({ path, message: `page ${pgno}: ${(err as Error).message}` });
      }
    }
  }

  const value = collectHeaders(blobs, path);
  value.problems.unshift(...problems);
  return value;
}

function openBdb(bytes: Buffer): BdbFile | string {
  if (bytes.length < 512) return 'berkeley db file is shorter than one page';

  const le = bytes.readUInt32LE(12) === HASH_MAGIC;
  if (!le && bytes.readUInt32BE(12) !== HASH_MAGIC) return 'not a berkeley db hash database';

  const pageSize = le ? bytes.readUInt32LE(20) : bytes.readUInt32BE(20);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return `berkeley db page size ${pageSize} is invalid`;
  }

  const lastPgno = le ? bytes.readUInt32LE(32) : bytes.readUInt32BE(32);
  const pageCount = Math.min(lastPgno + 1, Math.floor(bytes.length / pageSize));
  return { bytes, pageSize, pageCount, le };
}

function pageAt(file: BdbFile, pgno: number): Buffer {
  return file.bytes.subarray(pgno * file.pageSize, (pgno + 1) * file.pageSize);
}

function u16(file: BdbFile, buf: Buffer, at: number): number {
  return file.le ? buf.readUInt16LE(at) : buf.readUInt16BE(at);
}

function u32(file: BdbFile, buf: Buffer, at: number): number {
  return file.le ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
}

/** Items alternate key, value; only the values (odd indexes) stored off-page are headers. */
function offPageValues(file: BdbFile, page: Buffer): { pgno: number; length: number }[] {
  const entries = u16(file, page, 20);
  const refs: { pgno: number; length: number }[] = [];

  for (let i = 1; i < entries; i += 2) {
    const slot = PAGE_HEADER + i * 2;
    if (slot + 2 > page.length) break;

    const at = u16(file, page, slot);
    if (at + 12 > page.length || page[at] !== H_OFFPAGE) continue;
    refs.push({ pgno: u32(file, page, at + 4), length: u32(file, page, at + 8) });
  }
  return refs;
}

/** Follows an overflow chain; the last page's hf_offset field holds its used length. */
function readOverflow(file: BdbFile, start: number, length: number): Buffer {
  if (length > MAX_VALUE) {
    throw new DrydockError('PACKAGE_DATA_INVALID', `value declares ${length} bytes`);
  }

  const chunks: Buffer[] = [];
  const seen = new Set<number>();
  let total = 0;
  for (let pgno = start; pgno !== 0; ) {
    if (pgno >= file.pageCount || seen.has(pgno)) {
      throw new DrydockError(
        'PACKAGE_DATA_INVALID',
        `overflow chain reaches page ${pgno}, outside the file or seen before`,
      );
    }
    seen.add(pgno);

    const page = pageAt(file, pgno);
    if (page[25] !== P_OVERFLOW) {
      throw new DrydockError('PACKAGE_DATA_INVALID', `page ${pgno} is not an overflow page`);
    }

    const next = u32(file, page, 16);
    const used = next === 0 ? u16(file, page, 22) : file.pageSize - PAGE_HEADER;
    chunks.push(page.subarray(PAGE_HEADER, Math.min(PAGE_HEADER + used, page.length)));
    total += chunks[chunks.length - 1]!.length;
    pgno = next;
  }

  if (total < length) {
    throw new DrydockError(
      'PACKAGE_DATA_INVALID',
      `overflow chain holds ${total} of ${length} bytes`,
    );
  }
  return Buffer.concat(chunks).subarray(0, length);
}
