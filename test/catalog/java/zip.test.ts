import { describe, expect, it } from 'vitest';
import { listEntries, readEntry } from '../../../src/catalog/java/zip.js';
import { buildZip } from '../helpers/zip-writer.js';

/** Rewrites a small zip's end records into the ZIP64 form (APPNOTE 4.3.14, 4.3.15). */
function toZip64(zip: Buffer): Buffer {
  const eocd = zip.length - 22;
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);

  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);

  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(eocd), 8);

  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([zip.subarray(0, eocd), record, locator, end]);
}

describe('zip reader', () => {
  it('lists and reads stored and deflated members', () => {
    const zip = buildZip([
      { name: 'a.txt', data: 'stored', method: 0 },
      { name: 'b.txt', data: 'deflated'.repeat(100) },
    ]);
    const entries = listEntries(zip);
    const budget = { remaining: 1 << 20 };
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'b.txt']);
    expect(readEntry(zip, entries[1]!, budget).toString()).toBe('deflated'.repeat(100));
    expect(budget.remaining).toBe((1 << 20) - 800);
  });

  it('finds the central directory through ZIP64 end records', () => {
    const zip = toZip64(
      buildZip([{ name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n' }]),
    );
    const [entry] = listEntries(zip);
    expect(entry?.name).toBe('META-INF/MANIFEST.MF');
    expect(readEntry(zip, entry!, { remaining: 1024 }).toString()).toBe('Manifest-Version: 1.0\n');
  });

  it('rejects a member whose data runs past the archive', () => {
    const zip = buildZip([{ name: 'a', data: 'x'.repeat(100), method: 0 }]);
    const [entry] = listEntries(zip);
    expect(() => readEntry(zip, { ...entry!, compressedSize: 1e9 }, { remaining: 1e9 })).toThrow(
      /runs past the archive/,
    );
  });

  it('rejects an unknown compression method and a file that is not a zip', () => {
    const zip = buildZip([{ name: 'a', data: 'x', method: 0 }]);
    const [entry] = listEntries(zip);
    expect(() => readEntry(zip, { ...entry!, method: 14 }, { remaining: 10 })).toThrow(/method 14/);
    expect(() => listEntries(Buffer.alloc(100))).toThrow(/end of central directory/);
  });
});
