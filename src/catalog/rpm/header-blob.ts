import { DrydockError } from '../../errors.js';
import type { FoundPackage } from '../cataloger.js';

/**
 * The rpm header as rpmdb stores it (a header "blob": no lead magic): index length `il`
 * and data length `dl` as big-endian uint32, `il` index entries of 16 bytes (tag, type,
 * offset, count), then `dl` bytes of data. Limits follow rpm's hdrchkTags/hdrchkData, so a
 * crafted header cannot make the reader allocate or loop without bound.
 */
export const TAG = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  LICENSE: 1014,
  ARCH: 1022,
  OLDFILENAMES: 1027,
  SOURCERPM: 1044,
  DIRINDEXES: 1116,
  BASENAMES: 1117,
  DIRNAMES: 1118,
} as const;

export const TYPE = { INT32: 4, STRING: 6, STRING_ARRAY: 8, I18NSTRING: 9 } as const;

const MAX_TAGS = 0xffff;
const MAX_DATA = 0x0fffffff;

type TagValue = string | string[] | number[];

export function readHeaderBlob(blob: Buffer): Map<number, TagValue> {
  if (blob.length < 8) {
    throw new DrydockError(
      'PACKAGE_DATA_INVALID',
      `header blob of ${blob.length} bytes is truncated`,
    );
  }
  const il = blob.readUInt32BE(0);
  const dl = blob.readUInt32BE(4);
  if (il > MAX_TAGS || dl > MAX_DATA) {
    throw new DrydockError('PACKAGE_DATA_INVALID', `header declares ${il} tags, ${dl} bytes`);
  }

  const dataStart = 8 + il * 16;
  if (dataStart + dl > blob.length) {
    throw new DrydockError(
      'PACKAGE_DATA_INVALID',
      `header declares ${dataStart + dl} bytes but the blob has ${blob.length}`,
    );
  }

  const data = blob.subarray(dataStart, dataStart + dl);
  const tags = new Map<number, TagValue>();
  for (let i = 0; i < il; i++) {
    const at = 8 + i * 16;
    const tag = blob.readUInt32BE(at);
    const type = blob.readUInt32BE(at + 4);
    const offset = blob.readUInt32BE(at + 8);
    const count = blob.readUInt32BE(at + 12);
    const value = readValue(data, type, offset, count);
    if (value !== undefined) tags.set(tag, value);
  }
  return tags;
}

function readValue(data: Buffer, type: number, offset: number, count: number) {
  if (offset >= data.length) return undefined;

  if (type === TYPE.INT32) {
    if (offset + count * 4 > data.length) {
      throw new DrydockError('PACKAGE_DATA_INVALID', 'int32 tag runs past the header data');
    }
    return Array.from({ length: count }, (_, i) => data.readUInt32BE(offset + i * 4));
  }
  if (type === TYPE.STRING) return readStrings(data, offset, 1)[0];
  if (type === TYPE.I18NSTRING) return readStrings(data, offset, 1)[0];
  if (type === TYPE.STRING_ARRAY) return readStrings(data, offset, count);
  return undefined;
}

function readStrings(data: Buffer, offset: number, count: number): string[] {
  if (count > data.length) {
    throw new DrydockError('PACKAGE_DATA_INVALID', 'string array count exceeds the header data');
  }

  const strings: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    const end = data.indexOf(0, at);
    if (end < 0) throw new DrydockError('PACKAGE_DATA_INVALID', 'string tag is not NUL-terminated');
    strings.push(data.toString('utf8', at, end));
    at = end + 1;
  }
  return strings;
}

/** Turns one header into a package; undefined for gpg-pubkey pseudo-packages. */
export function headerToPackage(blob: Buffer): FoundPackage | undefined {
  const tags = readHeaderBlob(blob);
  const name = str(tags.get(TAG.NAME));
  const version = str(tags.get(TAG.VERSION));
  const release = str(tags.get(TAG.RELEASE));
  if (!name || !version) {
    throw new DrydockError('PACKAGE_DATA_INVALID', 'header has no NAME or VERSION tag');
  }
  // rpm stores imported signing keys as headers named gpg-pubkey; nothing is installed.
  if (name === 'gpg-pubkey') return undefined;

  const epoch = (tags.get(TAG.EPOCH) as number[] | undefined)?.[0];
  const evr = `${version}${release ? `-${release}` : ''}`;
  const pkg: FoundPackage = {
    name,
    version: epoch !== undefined ? `${epoch}:${evr}` : evr,
    type: 'rpm',
    licenses: str(tags.get(TAG.LICENSE)) ? [str(tags.get(TAG.LICENSE))!] : [],
    files: fileList(tags),
  };
  if (epoch !== undefined) pkg.epoch = epoch;

  const arch = str(tags.get(TAG.ARCH));
  if (arch) pkg.arch = arch;
  const source = parseSourceRpm(str(tags.get(TAG.SOURCERPM)));
  if (source) pkg.source = source;
  return pkg;
}

function str(value: TagValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function fileList(tags: Map<number, TagValue>): string[] {
  const old = tags.get(TAG.OLDFILENAMES);
  if (Array.isArray(old)) return (old as string[]).map((f) => f.replace(/^\/+/, ''));

  const basenames = (tags.get(TAG.BASENAMES) as string[] | undefined) ?? [];
  const dirnames = (tags.get(TAG.DIRNAMES) as string[] | undefined) ?? [];
  const indexes = (tags.get(TAG.DIRINDEXES) as number[] | undefined) ?? [];
  return basenames.map((base, i) =>
    `${dirnames[indexes[i] ?? -1] ?? ''}${base}`.replace(/^\/+/, ''),
  );
}

/** `name-version-release.src.rpm`: name may hold dashes, version and release may not. */
export function parseSourceRpm(file: string | undefined) {
  const match = file ? /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(file) : null;
  if (!match) return undefined;
  return { name: match[1]!, version: `${match[2]}-${match[3]}` };
}
