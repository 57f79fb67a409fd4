/**
 * Writers for rpm database fixtures: the header blob (rpm's headerExport layout without
 * the lead), a Berkeley DB hash file whose values live on overflow pages, and an NDB
 * Packages.db. Layouts match the readers' cited specs, built independently of them.
 */
export interface HeaderTag {
  tag: number;
  /** 4 INT32, 6 STRING, 7 BIN, 8 STRING_ARRAY. */
  type: 4 | 6 | 7 | 8;
  value: number[] | string | string[] | Buffer;
}

export function encodeHeader(tags: HeaderTag[]): Buffer {
  const index: Buffer[] = [];
  const data: Buffer[] = [];
  let size = 0;

  for (const { tag, type, value } of tags) {
    let bytes: Buffer;
    let count: number;
    if (type === 4) {
      const ints = value as number[];
      bytes = Buffer.alloc(ints.length * 4);
      for (const [i, n] of ints.entries()) bytes.writeUInt32BE(n, i * 4);
      count = ints.length;
      const pad = (4 - (size % 4)) % 4;
      data.push(Buffer.alloc(pad));
      size += pad;
    } else if (type === 7) {
      bytes = value as Buffer;
      count = bytes.length;
    } else {
      const strings = type === 6 ? [value as string] : (value as string[]);
      bytes = Buffer.from(strings.map((s) => `${s}\0`).join(''));
      count = strings.length;
    }

    const entry = Buffer.alloc(16);
    entry.writeUInt32BE(tag, 0);
    entry.writeUInt32BE(type, 4);
    entry.writeUInt32BE(size, 8);
    entry.writeUInt32BE(count, 12);
    index.push(entry);
    data.push(bytes);
    size += bytes.length;
  }

  const head = Buffer.alloc(8);
  head.writeUInt32BE(tags.length, 0);
  head.writeUInt32BE(size, 4);
  return Buffer.concat([head, ...index, ...data]);
}

export interface RpmFixture {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  license?: string;
  sourceRpm?: string;
  files?: string[];
}

/**
 * Real headers open with the HEADERIMMUTABLE region tag (63, BIN) whose 16-byte trailer
 * marks the original header; readers skip it, so its content here is only the shape.
 */
export function rpmHeader(pkg: RpmFixture): Buffer {
  const tags: HeaderTag[] = [
    { tag: 63, type: 7, value: Buffer.alloc(16) },
    { tag: 1000, type: 6, value: pkg.name },
    { tag: 1001, type: 6, value: pkg.version },
    { tag: 1002, type: 6, value: pkg.release },
  ];
  if (pkg.epoch !== undefined) tags.push({ tag: 1003, type: 4, value: [pkg.epoch] });
  if (pkg.license) tags.push({ tag: 1014, type: 6, value: pkg.license });
  if (pkg.arch) tags.push({ tag: 1022, type: 6, value: pkg.arch });
  if (pkg.sourceRpm) tags.push({ tag: 1044, type: 6, value: pkg.sourceRpm });
  if (pkg.files) tags.push(...fileTags(pkg.files));
  return encodeHeader(tags);
}

function fileTags(files: string[]): HeaderTag[] {
  const dirs: string[] = [];
  const indexes: number[] = [];
  const bases: string[] = [];
  for (const file of files) {
    const slash = file.lastIndexOf('/');
    const dir = file.slice(0, slash + 1);
    if (!dirs.includes(dir)) dirs.push(dir);
    indexes.push(dirs.indexOf(dir));
    bases.push(file.slice(slash + 1));
  }
  return [
    { tag: 1116, type: 4, value: indexes },
    { tag: 1117, type: 8, value: bases },
    { tag: 1118, type: 8, value: dirs },
  ];
}

const PAGE = 4096;

/** BDB hash: meta page 0, one hash page of key/H_OFFPAGE pairs, then overflow chains. */
export function buildBdb(blobs: Buffer[]): Buffer {
  const pages: Buffer[] = [Buffer.alloc(PAGE), Buffer.alloc(PAGE)];
  const hash = pages[1]!;
  hash.writeUInt32LE(1, 8);
  hash.writeUInt16LE(blobs.length * 2, 20);
  hash[25] = 13;

  let itemEnd = PAGE;
  blobs.forEach((blob, i) => {
    const first = pages.length;
    writeOverflow(pages, blob);

    const key = Buffer.alloc(5);
    key[0] = 1;
    key.writeUInt32LE(i + 1, 1);
    const value = Buffer.alloc(12);
    value[0] = 3;
    value.writeUInt32LE(first, 4);
    value.writeUInt32LE(blob.length, 8);

    itemEnd -= key.length;
    key.copy(hash, itemEnd);
    hash.writeUInt16LE(itemEnd, 26 + i * 4);
    itemEnd -= value.length;
    value.copy(hash, itemEnd);
    hash.writeUInt16LE(itemEnd, 26 + i * 4 + 2);
  });

  const meta = pages[0]!;
  meta.writeUInt32LE(0x061561, 12);
  meta.writeUInt32LE(9, 16);
  meta.writeUInt32LE(PAGE, 20);
  meta[25] = 8;
  meta.writeUInt32LE(pages.length - 1, 32);
  return Buffer.concat(pages);
}

function writeOverflow(pages: Buffer[], blob: Buffer): void {
  const room = PAGE - 26;
  for (let at = 0; at < blob.length; at += room) {
    const page = Buffer.alloc(PAGE);
    const chunk = blob.subarray(at, at + room);
    const last = at + room >= blob.length;
    page.writeUInt32LE(pages.length, 8);
    page.writeUInt32LE(last ? 0 : pages.length + 1, 16);
    page.writeUInt16LE(last ? chunk.length : 0, 22);
    page[25] = 7;
    chunk.copy(page, 26);
    pages.push(page);
  }
}

/** NDB: header and slots on page 0, blobs from page 1 at 16-byte block offsets. */
export function buildNdb(blobs: Buffer[]): Buffer {
  const slots = Buffer.alloc(PAGE);
  slots.writeUInt32LE(0x506d7052, 0);
  slots.writeUInt32LE(0, 4);
  slots.writeUInt32LE(1, 8);
  slots.writeUInt32LE(1, 12);
  for (let at = 32; at < PAGE; at += 16) slots.writeUInt32LE(0x746f6c53, at);

  const chunks: Buffer[] = [];
  let offset = PAGE;
  blobs.forEach((blob, i) => {
    const head = Buffer.alloc(16);
    head.writeUInt32LE(0x53626c42, 0);
    head.writeUInt32LE(i + 1, 4);
    head.writeUInt32LE(0, 8);
    head.writeUInt32LE(blob.length, 12);
    const size = Math.ceil((16 + blob.length) / 16) * 16;
    chunks.push(head, blob, Buffer.alloc(size - 16 - blob.length));

    const slot = 32 + i * 16;
    slots.writeUInt32LE(i + 1, slot + 4);
    slots.writeUInt32LE(offset / 16, slot + 8);
    slots.writeUInt32LE(size / 16, slot + 12);
    offset += size;
  });
  return Buffer.concat([slots, ...chunks]);
}
