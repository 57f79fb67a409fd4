import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { printableShare, sniffContent } from '../../src/secret/content.js';
import { tarOf } from '../helpers/image-builder.js';

describe('sniffContent', () => {
  it('tells archives, binaries and text apart by content', async () => {
    const table: [Buffer, string][] = [
      [Buffer.from(zipSync({ a: Buffer.from('x') })), 'zip'],
      [gzipSync('x'), 'gzip'],
      [await tarOf([{ name: 'a', content: 'x' }]), 'tar'],
      [Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]), 'binary'],
      [Buffer.from('plain text\n'), 'text'],
      [Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]), 'text'],
      [Buffer.alloc(0), 'text'],
    ];
    for (const [bytes, kind] of table) expect(sniffContent(bytes)).toBe(kind);
  });
});

describe('printableShare', () => {
  it('is the share of printable bytes', () => {
    expect(printableShare(Buffer.from('ab\n\0'))).toBe(0.75);
    expect(printableShare(Buffer.alloc(0))).toBe(0);
  });
});
