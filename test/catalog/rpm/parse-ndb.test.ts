import { describe, expect, it } from 'vitest';
import { parseRpmNdb } from '../../../src/catalog/rpm/parse-ndb.js';
import { buildNdb, rpmHeader } from '../helpers/rpm-writer.js';
import { EXPECTED, PACKAGES } from './fixtures.js';

describe('parseRpmNdb', () => {
  it('reads header blobs through the slot table of Packages.db', () => {
    const bytes = buildNdb(PACKAGES.map(rpmHeader));
    expect(parseRpmNdb(bytes, 'usr/lib/sysimage/rpm/Packages.db')).toEqual({
      packages: EXPECTED,
      problems: [],
    });
  });

  it('reports a blob whose declared length runs past the file', () => {
    const bytes = buildNdb(PACKAGES.map(rpmHeader));
    bytes.writeUInt32LE(0x7fffffff, 4096 + 12);
    const value = parseRpmNdb(bytes, 'Packages.db');
    expect(value.packages).toEqual([EXPECTED[1]]);
    expect(value.problems[0]?.message).toMatch(/past the end of file/);
  });

  it('reports a truncated file', () => {
    const bytes = buildNdb(PACKAGES.map(rpmHeader));
    const value = parseRpmNdb(bytes.subarray(0, 4200), 'Packages.db');
    expect(value.packages).toEqual([]);
    expect(value.problems.length).toBeGreaterThan(0);
  });

  it('rejects a huge declared slot page count', () => {
    const bytes = buildNdb([]);
    bytes.writeUInt32LE(0xffffffff, 12);
    expect(parseRpmNdb(bytes, 'Packages.db').problems[0]?.message).toMatch(/slot pages/);
  });
});
