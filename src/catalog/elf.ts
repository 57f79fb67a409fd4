import { DrydockError } from '../errors.js';
/**
 * The little of ELF (System V gABI) that embedded build metadata needs: section headers by
 * name, and program headers to turn a virtual address into a file offset. Every offset is
 * checked against the file, so a truncated or crafted binary yields an error, not a crash.
 */
export interface ElfSection {
  name: string;
  addr: number;
  offset: number;
  size: number;
}

export interface ElfFile {
  bytes: Buffer;
  is64: boolean;
  le: boolean;
  sections: ElfSection[];
  segments: { vaddr: number; offset: number; filesz: number }[];
}

const MAX_HEADERS = 65535;

export function isElf(bytes: Buffer): boolean {
  return bytes.length >= 52 && bytes.readUInt32BE(0) === 0x7f454c46;
}

export function readElf(bytes: Buffer): ElfFile {
  if (!isElf(bytes)) throw new DrydockError('PACKAGE_DATA_INVALID', 'not an elf file');
  const is64 = bytes[4] === 2;
  const le = bytes[5] !== 2;
  const elf: ElfFile = { bytes, is64, le, sections: [], segments: [] };

  const phoff = word(elf, is64 ? 0x20 : 0x1c);
  const phentsize = half(elf, is64 ? 0x36 : 0x2a);
  const phnum = half(elf, is64 ? 0x38 : 0x2c);
  for (let i = 0; i < Math.min(phnum, MAX_HEADERS); i++) {
    const at = phoff + i * phentsize;
    if (at + (is64 ? 56 : 32) > bytes.length) break;
    elf.segments.push({
      offset: word(elf, at + (is64 ? 8 : 4)),
      vaddr: word(elf, at + (is64 ? 16 : 8)),
      filesz: word(elf, at + (is64 ? 32 : 16)),
    });
  }

  elf.sections = readSections(elf);
  return elf;
}

function readSections(elf: ElfFile): ElfSection[] {
  const { is64, bytes } = elf;
  const shoff = word(elf, is64 ? 0x28 : 0x20);
  const shentsize = half(elf, is64 ? 0x3a : 0x2e);
  const shnum = half(elf, is64 ? 0x3c : 0x30);
  const shstrndx = half(elf, is64 ? 0x3e : 0x32);
  if (shoff === 0 || shnum === 0 || shoff + shnum * shentsize > bytes.length) return [];

  const raw = Array.from({ length: shnum }, (_, i) => {
    const at = shoff + i * shentsize;
    return {
      nameOffset: u32(elf, at),
      addr: word(elf, at + (is64 ? 16 : 12)),
      offset: word(elf, at + (is64 ? 24 : 16)),
      size: word(elf, at + (is64 ? 32 : 20)),
    };
  });

  const strtab = raw[shstrndx];
  if (!strtab || strtab.offset + strtab.size > bytes.length) return [];
  return raw.map((s) => {
    const start = strtab.offset + s.nameOffset;
    const end = bytes.indexOf(0, start);
    const name = start < bytes.length && end >= start ? bytes.toString('latin1', start, end) : '';
    return { name, addr: s.addr, offset: s.offset, size: s.size };
  });
}

export function sectionData(elf: ElfFile, name: string): Buffer | undefined {
  const section = elf.sections.find((s) => s.name === name);
  if (!section) return undefined;
  if (section.offset + section.size > elf.bytes.length) {
    throw new DrydockError(
      'PACKAGE_DATA_INVALID',
      `elf section ${name} runs past the end of the file`,
    );
  }
  return elf.bytes.subarray(section.offset, section.offset + section.size);
}

/** Bytes at a virtual address, from the loadable segment that maps it. */
export function readVirtual(elf: ElfFile, vaddr: number, length: number): Buffer {
  for (const seg of elf.segments) {
    if (vaddr < seg.vaddr || vaddr + length > seg.vaddr + seg.filesz) continue;
    const at = seg.offset + (vaddr - seg.vaddr);
    if (at + length > elf.bytes.length) break;
    return elf.bytes.subarray(at, at + length);
  }
  throw new DrydockError(
    'PACKAGE_DATA_INVALID',
    `elf virtual address 0x${vaddr.toString(16)} is not mapped by the file`,
  );
}

export function half(elf: ElfFile, at: number): number {
  return elf.le ? elf.bytes.readUInt16LE(at) : elf.bytes.readUInt16BE(at);
}

export function u32(elf: ElfFile, at: number): number {
  return elf.le ? elf.bytes.readUInt32LE(at) : elf.bytes.readUInt32BE(at);
}

/** An address-sized field; 64-bit values past 2^53 cannot be file offsets here anyway. */
export function word(elf: ElfFile, at: number): number {
  if (!elf.is64) return u32(elf, at);
  const value = elf.le ? elf.bytes.readBigUInt64LE(at) : elf.bytes.readBigUInt64BE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}
