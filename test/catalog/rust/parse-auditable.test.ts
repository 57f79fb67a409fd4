import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseRustBinary } from '../../../src/catalog/rust/parse-auditable.js';
import { buildElf } from '../helpers/elf-writer.js';

const AUDIT = {
  packages: [
    { name: 'ripgrep', version: '14.1.0', source: 'local', root: true, dependencies: [1] },
    { name: 'regex', version: '1.10.2', source: 'crates.io' },
    { name: 'cc', version: '1.0.83', source: 'crates.io', kind: 'build' },
    { name: 'broken' },
  ],
};

function binaryWith(section: Buffer): Buffer {
  return buildElf([
    { name: '.text', data: Buffer.alloc(32) },
    { name: '.dep-v0', data: section },
  ]);
}

describe('parseRustBinary', () => {
  it('reads cargo-auditable dependency data from .dep-v0', () => {
    const value = parseRustBinary(binaryWith(deflateSync(JSON.stringify(AUDIT))), 'usr/bin/rg');
    expect(value).toEqual({
      packages: [
        {
          name: 'ripgrep',
          version: '14.1.0',
          type: 'cargo',
          licenses: [],
          metadata: { source: 'local', root: 'true' },
        },
        {
          name: 'regex',
          version: '1.10.2',
          type: 'cargo',
          licenses: [],
          metadata: { source: 'crates.io' },
        },
        {
          name: 'cc',
          version: '1.0.83',
          type: 'cargo',
          licenses: [],
          metadata: { source: 'crates.io', kind: 'build' },
        },
      ],
      problems: [{ path: 'usr/bin/rg', message: '.dep-v0 package 3 lacks a name or version' }],
    });
  });

  it('ignores binaries without the section and non-ELF files', () => {
    expect(
      parseRustBinary(buildElf([{ name: '.text', data: Buffer.alloc(8) }]), 'b'),
    ).toBeUndefined();
    expect(parseRustBinary(Buffer.from('MZ not elf'), 'b')).toBeUndefined();
  });

  it('reports broken compression and broken JSON', () => {
    expect(parseRustBinary(binaryWith(Buffer.from('nope')), 'b')?.problems).toHaveLength(1);
    expect(parseRustBinary(binaryWith(deflateSync('{')), 'b')?.problems).toHaveLength(1);
  });

  it('stops a section that inflates past the cap', () => {
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024, 0x20));
    const value = parseRustBinary(binaryWith(bomb), 'b');
    expect(value?.packages).toEqual([]);
    expect(value?.problems).toHaveLength(1);
  });
});
