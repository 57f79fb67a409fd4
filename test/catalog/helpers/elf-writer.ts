/**
 * Builds a minimal 64-bit little-endian ELF file: one PT_LOAD segment mapping the whole
 * file at BASE, named sections, and a section name table. A section's data may be a
 * function of the virtual address it will load at, for formats that hold pointers.
 */
export const BASE = 0x400000;

export interface ElfSectionSpec {
  name: string;
  data: Buffer | ((vaddr: number) => Buffer);
}

export function buildElf(sections: ElfSectionSpec[], options: { noSections?: boolean } = {}) {
  const chunks: Buffer[] = [];
  const placed: { name: string; offset: number; size: number }[] = [];
  let offset = 0x100;

  for (const section of sections) {
    const data = typeof section.data === 'function' ? section.data(BASE + offset) : section.data;
    placed.push({ name: section.name, offset, size: data.length });
    chunks.push(data);
    const padded = align(offset + data.length, 16);
    chunks.push(Buffer.alloc(padded - offset - data.length));
    offset = padded;
  }

  const names = ['', ...placed.map((s) => s.name), '.shstrtab'];
  const strtab = Buffer.from(`${names.join('\0')}\0`);
  const strtabOffset = offset;
  chunks.push(strtab);
  offset = align(offset + strtab.length, 8);
  chunks.push(Buffer.alloc(offset - strtabOffset - strtab.length));

  const shoff = offset;
  const headers = sectionHeaders(placed, strtabOffset, strtab.length, names);
  const total = shoff + headers.length;
  const head = elfHeader(total, options.noSections ? 0 : shoff, placed.length + 2);
  const file = Buffer.concat([head, Buffer.alloc(0x100 - head.length), ...chunks, headers]);
  return file;
}

function elfHeader(total: number, shoff: number, shnum: number): Buffer {
  const h = Buffer.alloc(64 + 56);
  h.writeUInt32BE(0x7f454c46, 0);
  h[4] = 2;
  h[5] = 1;
  h[6] = 1;
  h.writeUInt16LE(2, 16);
  h.writeUInt16LE(62, 18);
  h.writeUInt32LE(1, 20);
  h.writeBigUInt64LE(64n, 0x20);
  h.writeBigUInt64LE(BigInt(shoff), 0x28);
  h.writeUInt16LE(64, 0x34);
  h.writeUInt16LE(56, 0x36);
  h.writeUInt16LE(1, 0x38);
  h.writeUInt16LE(64, 0x3a);
  h.writeUInt16LE(shoff === 0 ? 0 : shnum, 0x3c);
  h.writeUInt16LE(shoff === 0 ? 0 : shnum - 1, 0x3e);

  h.writeUInt32LE(1, 64);
  h.writeUInt32LE(5, 68);
  h.writeBigUInt64LE(0n, 72);
  h.writeBigUInt64LE(BigInt(BASE), 80);
  h.writeBigUInt64LE(BigInt(BASE), 88);
  h.writeBigUInt64LE(BigInt(total), 96);
  h.writeBigUInt64LE(BigInt(total), 104);
  return h;
}

function sectionHeaders(
  placed: { name: string; offset: number; size: number }[],
  strtabOffset: number,
  strtabSize: number,
  names: string[],
): Buffer {
  const all = [
    { name: '', offset: 0, size: 0, addr: 0 },
    ...placed.map((s) => ({ ...s, addr: BASE + s.offset })),
    { name: '.shstrtab', offset: strtabOffset, size: strtabSize, addr: 0 },
  ];
  const out = Buffer.alloc(all.length * 64);
  let nameOffset = 0;
  all.forEach((s, i) => {
    out.writeUInt32LE(nameOffset, i * 64);
    out.writeUInt32LE(i === 0 ? 0 : 1, i * 64 + 4);
    out.writeBigUInt64LE(BigInt(s.addr), i * 64 + 16);
    out.writeBigUInt64LE(BigInt(s.offset), i * 64 + 24);
    out.writeBigUInt64LE(BigInt(s.size), i * 64 + 32);
    nameOffset += Buffer.byteLength(names[i]!) + 1;
  });
  return out;
}

function align(value: number, to: number): number {
  return Math.ceil(value / to) * to;
}
