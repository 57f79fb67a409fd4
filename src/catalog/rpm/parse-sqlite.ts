import Database from 'better-sqlite3';
import { errorMessage } from '../../errors.js';
import type { CatalogValue } from '../cataloger.js';
import { collectHeaders } from './collect.js';

/**
 * rpm's SQLite backend (`rpmdb.sqlite`, rpm 4.16+): table Packages(hnum, blob), one header
 * blob per row. The file is opened from memory, never from the image's path.
 */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export function parseRpmSqlite(bytes: Buffer, path: string): CatalogValue {
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_MAGIC)) {
    return { packages: [], problems: [{ path, message: 'not an SQLite database' }] };
  }

  let blobs: Buffer[];
  try {
    blobs = readBlobs(bytes);
  } catch (err) {
    return { packages: [], problems: [{ path, message: `sqlite: ${errorMessage(err)}` }] };
  }
  return collectHeaders(blobs, path);
}

function readBlobs(bytes: Buffer): Buffer[] {
  // A database left in WAL mode cannot be deserialized; its header bytes 18-19 say so, and
  // setting them to the legacy journal mode (1) makes the main file readable on its own.
  const copy = Buffer.from(bytes);
  copy[18] = 1;
  copy[19] = 1;

  const db = new Database(copy, { readonly: true });
  try {
    const rows = db.prepare('SELECT blob FROM Packages ORDER BY hnum').all() as { blob: unknown }[];
    return rows.filter((row) => Buffer.isBuffer(row.blob)).map((row) => row.blob as Buffer);
  } finally {
    db.close();
  }
}
