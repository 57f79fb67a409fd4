import { describe, expect, it } from 'vitest';
import { parseGoBinary } from '../../../src/catalog/go/parse-buildinfo.js';
import { buildElf } from '../helpers/elf-writer.js';

const SENTINEL_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const SENTINEL_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');
const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');

const MOD_INFO = [
  'path\tgithub.com/restic/restic/cmd/restic',
  'mod\tgithub.com/restic/restic\t(devel)\t',
  'dep\tgithub.com/cenkalti/backoff/v4\tv4.1.3\th1:cFAlzYUlVYDysBEH2T5hyJZMh3+5+WCBvSnK6Q8UtC4=',
  'dep\tgolang.org/x/crypto\tv0.1.0\th1:aaa=',
  '=>\tgithub.com/fork/crypto\tv0.1.1\th1:bbb=',
  'build\t-compiler=gc',
  'build\tGOOS=linux',
  '',
].join('\n');

function modInfoBytes(): Buffer {
  return Buffer.concat([SENTINEL_START, Buffer.from(MOD_INFO), SENTINEL_END]);
}

function uvarint(n: number): Buffer {
  const out: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return Buffer.from(out);
}

/** Go 1.18+ layout: flags 0x2, strings inline after the 32-byte header. */
function inlineBuildInfo(goVersion: string): Buffer {
  const header = Buffer.alloc(32);
  MAGIC.copy(header);
  header[14] = 8;
  header[15] = 0x2;
  const version = Buffer.from(goVersion);
  const mod = modInfoBytes();
  return Buffer.concat([header, uvarint(version.length), version, uvarint(mod.length), mod]);
}

/** Before Go 1.18: pointers to Go string headers (data pointer, length). */
function pointerBuildInfo(goVersion: string) {
  return (vaddr: number): Buffer => {
    const version = Buffer.from(goVersion);
    const mod = modInfoBytes();
    const buf = Buffer.alloc(32 + 32 + version.length + mod.length);
    MAGIC.copy(buf);
    buf[14] = 8;
    buf[15] = 0;
    buf.writeBigUInt64LE(BigInt(vaddr + 32), 16);
    buf.writeBigUInt64LE(BigInt(vaddr + 48), 24);
    buf.writeBigUInt64LE(BigInt(vaddr + 64), 32);
    buf.writeBigUInt64LE(BigInt(version.length), 40);
    buf.writeBigUInt64LE(BigInt(vaddr + 64 + version.length), 48);
    buf.writeBigUInt64LE(BigInt(mod.length), 56);
    version.copy(buf, 64);
    mod.copy(buf, 64 + version.length);
    return buf;
  };
}

const EXPECTED = (goVersion: string) => [
  {
    name: 'github.com/restic/restic',
    version: '(devel)',
    type: 'golang',
    licenses: [],
    metadata: { goVersion, mainModule: 'true' },
  },
  {
    name: 'github.com/cenkalti/backoff/v4',
    version: 'v4.1.3',
    type: 'golang',
    licenses: [],
    metadata: { goVersion, sum: 'h1:cFAlzYUlVYDysBEH2T5hyJZMh3+5+WCBvSnK6Q8UtC4=' },
  },
  {
    name: 'github.com/fork/crypto',
    version: 'v0.1.1',
    type: 'golang',
    licenses: [],
    metadata: { goVersion, replaces: 'golang.org/x/crypto@v0.1.0', sum: 'h1:bbb=' },
  },
  { name: 'stdlib', version: goVersion, type: 'golang', licenses: [] },
];

describe('parseGoBinary', () => {
  it('reads the Go 1.18+ inline build info from the .go.buildinfo section', () => {
    const elf = buildElf([
      { name: '.text', data: Buffer.alloc(64, 0x90) },
      { name: '.go.buildinfo', data: inlineBuildInfo('go1.19.8') },
    ]);
    expect(parseGoBinary(elf, 'usr/bin/restic')).toEqual({
      packages: EXPECTED('go1.19.8'),
      problems: [],
    });
  });

  it('follows the pre-1.18 pointers through the loadable segment', () => {
    const elf = buildElf([{ name: '.go.buildinfo', data: pointerBuildInfo('go1.16.15') }]);
    expect(parseGoBinary(elf, 'usr/bin/old')?.packages).toEqual(EXPECTED('go1.16.15'));
  });

  it('finds the header by searching when section headers are stripped', () => {
    const elf = buildElf([{ name: '.data', data: inlineBuildInfo('go1.21.0') }], {
      noSections: true,
    });
    expect(parseGoBinary(elf, 'app/server')?.packages).toEqual(EXPECTED('go1.21.0'));
  });

  it('keeps build tags of the toolchain version out of the stdlib version', () => {
    const elf = buildElf([
      { name: '.go.buildinfo', data: inlineBuildInfo('go1.21.0 X:boringcrypto') },
    ]);
    const stdlib = parseGoBinary(elf, 'usr/bin/x')?.packages.find((p) => p.name === 'stdlib');
    expect(stdlib).toMatchObject({
      version: 'go1.21.0',
      metadata: { goVersion: 'go1.21.0 X:boringcrypto' },
    });
  });

  it('ignores files that are not ELF or not built by Go', () => {
    expect(parseGoBinary(Buffer.from('#!/bin/sh\necho hi\n'), 'usr/bin/script')).toBeUndefined();
    expect(
      parseGoBinary(buildElf([{ name: '.text', data: Buffer.alloc(16) }]), 'usr/bin/c'),
    ).toBeUndefined();
  });
});

describe('parseGoBinary on hostile input', () => {
  it('reports a string length that runs past the file', () => {
    const info = inlineBuildInfo('go1.19.8');
    info[32] = 0xff;
    info[33] = 0xff;
    info[34] = 0x7f;
    const value = parseGoBinary(buildElf([{ name: '.go.buildinfo', data: info }]), 'usr/bin/x');
    expect(value?.packages).toEqual([]);
    expect(value?.problems[0]?.message).toMatch(/runs past/);
  });

  it('reports a pointer outside every segment', () => {
    const info = pointerBuildInfo('go1.16')(0);
    info.writeBigUInt64LE(0xdeadbeefn, 16);
    const value = parseGoBinary(buildElf([{ name: '.go.buildinfo', data: info }]), 'usr/bin/x');
    expect(value?.problems[0]?.message).toMatch(/not mapped/);
  });

  it('reports a truncated ELF whose section table is cut off', () => {
    const elf = buildElf([{ name: '.go.buildinfo', data: inlineBuildInfo('go1.19.8') }]);
    const value = parseGoBinary(elf.subarray(0, 0x100 + 40), 'usr/bin/x');
    expect(value?.packages).toEqual([]);
    expect(value?.problems[0]?.message).toMatch(/runs past/);
  });
});
