import { describe, expect, it } from 'vitest';
import { parseRpmBdb } from '../../../src/catalog/rpm/parse-bdb.js';
import { buildBdb, rpmHeader } from '../helpers/rpm-writer.js';
import { EXPECTED, PACKAGES } from './fixtures.js';

describe('parseRpmBdb', () => {
  it('reads header blobs from overflow pages of a Berkeley DB hash file', () => {
    const bytes = buildBdb(PACKAGES.map(rpmHeader));
    expect(parseRpmBdb(bytes, 'var/lib/rpm/Packages')).toEqual({
      packages: EXPECTED,
      problems: [],
    });
  });

  it('follows a header that spans several overflow pages', () => {
    const files = Array.from({ length: 400 }, (_, i) => `/usr/share/locale/l${i}/LC_MESSAGES/x.mo`);
    const big = rpmHeader({ name: 'big', version: '1', release: '1', files });
    expect(big.length).toBeGreaterThan(3 * 4096);
    expect(parseRpmBdb(buildBdb([big]), 'Packages').packages[0]?.files).toHaveLength(400);
  });

  it('reports a truncated file and keeps the headers it could read', () => {
    const bytes = buildBdb(PACKAGES.map(rpmHeader));
    const value = parseRpmBdb(bytes.subarray(0, 3 * 4096), 'Packages');
    expect(value.packages).toEqual([EXPECTED[0]]);
    expect(value.problems.length).toBeGreaterThan(0);
  });

  it('stops at an overflow chain that loops back on itself', () => {
    const bytes = buildBdb([rpmHeader(PACKAGES[0]!)]);
    bytes.writeUInt32LE(2, 2 * 4096 + 16);
    const value = parseRpmBdb(bytes, 'Packages');
    expect(value.problems[0]?.message).toMatch(/seen before/);
  });

  it('rejects a file that is not a hash database', () => {
    expect(parseRpmBdb(Buffer.alloc(8192), 'Packages').problems[0]?.message).toBe(
      'not a berkeley db hash database',
    );
  });
});
