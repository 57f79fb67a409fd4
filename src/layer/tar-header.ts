import { DrydockError } from '../errors.js';
import type { EntryType } from './types.js';

/**
 * Decoding of one 512-byte tar header block: POSIX ustar (pax interchange format,
 * IEEE Std 1003.1-2017 "pax"), with the GNU base-256 numeric extension.
 */
export const BLOCK = 512;

export interface RawHeader {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: string;
}

/** A block of zeros marks the end of the archive. */
export function isZeroBlock(buf: Buffer, off: number): boolean {
  for (let i = off; i < off + BLOCK; i++) if (buf[i] !== 0) return false;
  return true;
}

function cString(buf: Buffer, start: number, len: number): string {
  let end = start;
  const limit = start + len;
  while (end < limit && buf[end] !== 0) end++;
  return buf.toString('utf8', start, end);
}

/**
 * Numeric fields are octal text, or, when the high bit of the first byte is set, a
 * big-endian base-256 number (GNU tar, star). Negative base-256 values are rejected.
 */
function numeric(buf: Buffer, start: number, len: number, field: string): number {
  const first = buf[start]!;
  if (first & 0x80) {
    if (first === 0xff) throw corrupt(`negative ${field} in tar header`);
    let value = first & 0x7f;
    for (let i = start + 1; i < start + len; i++) value = value * 256 + buf[i]!;
    if (!Number.isSafeInteger(value)) throw corrupt(`${field} in tar header is too large`);
    return value;
  }

  let value = 0;
  let i = start;
  const end = start + len;
  while (i < end && (buf[i] === 0x20 || buf[i] === 0)) i++;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c === 0 || c === 0x20) break;
    if (c < 0x30 || c > 0x37) throw corrupt(`${field} in tar header is not octal`);
    value = value * 8 + (c - 0x30);
  }
  return value;
}

/** The checksum counts the checksum field itself as eight spaces (ustar). */
function checksumMatches(buf: Buffer, off: number): boolean {
  const stored = numeric(buf, off + 148, 8, 'checksum');
  let unsigned = 0;
  let signed = 0;
  for (let i = off; i < off + BLOCK; i++) {
    const b = i >= off + 148 && i < off + 156 ? 0x20 : buf[i]!;
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

export function decodeHeader(buf: Buffer, off: number): RawHeader {
  if (!checksumMatches(buf, off)) throw corrupt('tar header checksum mismatch');

  const magic = buf.toString('latin1', off + 257, off + 262);
  let name = cString(buf, off, 100);
  if (magic === 'ustar') {
    const prefix = cString(buf, off + 345, 155);
    if (prefix) name = `${prefix}/${name}`;
  }

  return {
    name,
    mode: numeric(buf, off + 100, 8, 'mode'),
    uid: numeric(buf, off + 108, 8, 'uid'),
    gid: numeric(buf, off + 116, 8, 'gid'),
    size: numeric(buf, off + 124, 12, 'size'),
    mtime: numeric(buf, off + 136, 12, 'mtime'),
    typeflag: String.fromCharCode(buf[off + 156]!),
    linkname: cString(buf, off + 157, 100),
  };
}

/** Maps a typeflag to an entry type; metadata records ('x', 'g', 'L', 'K') return undefined. */
export function entryType(typeflag: string): EntryType | undefined {
  switch (typeflag) {
    case '0':
    case '\0':
    case '7':
    case 'S':
      return 'file';
    case '1':
      return 'hardlink';
    case '2':
      return 'symlink';
    case '3':
      return 'char';
    case '4':
      return 'block';
    case '5':
      return 'dir';
    case '6':
      return 'fifo';
    default:
      return undefined;
  }
}

/** Entry types that carry no data, whatever their size field says. */
export function hasNoData(type: EntryType): boolean {
  return type !== 'file';
}

function corrupt(message: string): DrydockError {
  return new DrydockError('LAYER_CORRUPT', message);
}

/**
 * Parses pax extended header records: "LEN KEY=VALUE\n", LEN counting the whole record
 * in bytes. A malformed record fails the archive: guessing would misplace every later file.
 */
export function parsePax(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === 0) break;
    const space = data.indexOf(0x20, pos);
    if (space < 0 || space - pos > 20) throw corrupt('malformed pax header record');
    const len = Number(data.toString('latin1', pos, space));
    if (!Number.isInteger(len) || len <= space - pos || pos + len > data.length) {
      throw corrupt('malformed pax header record length');
    }
    const record = data.toString('utf8', space + 1, pos + len - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    pos += len;
  }
  return out;
}
