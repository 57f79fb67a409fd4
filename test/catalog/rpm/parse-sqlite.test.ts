import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseRpmSqlite } from '../../../src/catalog/rpm/parse-sqlite.js';
import { rpmHeader } from '../helpers/rpm-writer.js';
import { EXPECTED, PACKAGES } from './fixtures.js';

function buildSqlite(blobs: Buffer[]): Buffer {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO Packages (blob) VALUES (?)');
  for (const blob of blobs) insert.run(blob);
  const bytes = db.serialize();
  db.close();
  return bytes;
}

describe('parseRpmSqlite', () => {
  it('reads every package header from rpmdb.sqlite', () => {
    const bytes = buildSqlite(PACKAGES.map(rpmHeader));
    expect(parseRpmSqlite(bytes, 'var/lib/rpm/rpmdb.sqlite')).toEqual({
      packages: EXPECTED,
      problems: [],
    });
  });

  it('reports a broken header and keeps the others', () => {
    const bytes = buildSqlite([Buffer.from('junk'), rpmHeader(PACKAGES[0]!)]);
    const value = parseRpmSqlite(bytes, 'rpmdb.sqlite');
    expect(value.packages).toEqual([EXPECTED[0]]);
    expect(value.problems).toHaveLength(1);
  });

  it('reports a truncated database instead of throwing', () => {
    const bytes = buildSqlite(PACKAGES.map(rpmHeader));
    const value = parseRpmSqlite(bytes.subarray(0, 1024), 'rpmdb.sqlite');
    expect(value.packages).toEqual([]);
    expect(value.problems[0]?.message).toMatch(/^sqlite: /);
  });

  it('reports a file that is not SQLite', () => {
    expect(parseRpmSqlite(Buffer.alloc(200), 'rpmdb.sqlite').problems[0]?.message).toBe(
      'not an SQLite database',
    );
  });
});
