import { DrydockError } from '../../errors.js';
import type { CatalogValue, FoundPackage } from '../cataloger.js';
import { type ElfFile, isElf, readElf, readVirtual, sectionData } from '../elf.js';
import { parseModInfo } from './mod-info.js';

/**
 * Go module build information (debug/buildinfo in the Go tree). A 32-byte header starting
 * `\xff Go buildinf:` holds the pointer size at byte 14 and flags at byte 15. Since Go 1.18
 * (flag 0x2) the version and module strings follow inline, each prefixed by a uvarint
 * length; before, bytes 16 and 16+ptrSize hold pointers to Go string headers.
 */
const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const MAX_STRING = 16 * 1024 * 1024;

export function parseGoBinary(bytes: Buffer, path: string): CatalogValue | undefined {
  if (!isElf(bytes)) return undefined;

  let info: { goVersion: string; modInfo: string } | undefined;
  try {
    info = readBuildInfo(readElf(bytes));
  } catch (err) {
    return {
      packages: [],
      problems: [{ path, message: `go buildinfo: ${(err as Error).message}` }],
    };
  }
  if (!info) return undefined;

  return { packages: goPackages(info.goVersion, info.modInfo), problems: [] };
}

function readBuildInfo(elf: ElfFile): { goVersion: string; modInfo: string } | undefined {
  const header = findHeader(elf);
  if (!header) return undefined;

  const ptrSize = header[14]!;
  const flags = header[15]!;
  if (flags & 0x2) {
    const version = readVarintString(header, 32);
    const mod = readVarintString(header, version.next);
    return { goVersion: version.text, modInfo: stripSentinels(mod.text) };
  }

  if (ptrSize !== 4 && ptrSize !== 8) {
    throw new DrydockError('PACKAGE_DATA_INVALID', `pointer size ${ptrSize} is invalid`);
  }
  const bigEndian = (flags & 0x1) !== 0;
  const pointerAt = (buf: Buffer, at: number) => readPointer(buf, at, ptrSize, bigEndian);
  const goVersion = readGoString(elf, pointerAt(header, 16), ptrSize, bigEndian);
  const modInfo = readGoString(elf, pointerAt(header, 16 + ptrSize), ptrSize, bigEndian);
  return { goVersion, modInfo: stripSentinels(modInfo) };
}

/** The .go.buildinfo section when section headers survive, else a 16-aligned search. */
function findHeader(elf: ElfFile): Buffer | undefined {
  const section = sectionData(elf, '.go.buildinfo');
  if (section?.subarray(0, MAGIC.length).equals(MAGIC)) return section;

  for (let at = elf.bytes.indexOf(MAGIC); at >= 0; at = elf.bytes.indexOf(MAGIC, at + 1)) {
    if (at % 16 === 0) return elf.bytes.subarray(at);
  }
  return undefined;
}

function readVarintString(buf: Buffer, start: number): { text: string; next: number } {
  let length = 0;
  let shift = 0;
  let at = start;
  for (;;) {
    if (at >= buf.length || shift > 28) {
      throw new DrydockError('PACKAGE_DATA_INVALID', 'truncated length in build info');
    }
    const byte = buf[at++]!;
    length += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) break;
  }

  if (length > MAX_STRING || at + length > buf.length) {
    throw new DrydockError(
      'PACKAGE_DATA_INVALID',
      `build info string of ${length} bytes runs past the data`,
    );
  }
  return { text: buf.toString('utf8', at, at + length), next: at + length };
}

function readPointer(buf: Buffer, at: number, size: number, bigEndian: boolean): number {
  if (at + size > buf.length) {
    throw new DrydockError('PACKAGE_DATA_INVALID', 'truncated pointer in build info');
  }
  if (size === 4) return bigEndian ? buf.readUInt32BE(at) : buf.readUInt32LE(at);
  return Number(bigEndian ? buf.readBigUInt64BE(at) : buf.readBigUInt64LE(at));
}

function readGoString(elf: ElfFile, addr: number, ptrSize: number, bigEndian: boolean): string {
  const header = readVirtual(elf, addr, ptrSize * 2);
  const data = readPointer(header, 0, ptrSize, bigEndian);
  const length = readPointer(header, ptrSize, ptrSize, bigEndian);
  if (length > MAX_STRING) {
    throw new DrydockError('PACKAGE_DATA_INVALID', `build info string declares ${length} bytes`);
  }
  return readVirtual(elf, data, length).toString('utf8');
}

/** runtime/debug wraps modinfo in 16-byte sentinels; the one at the end follows a newline. */
function stripSentinels(modInfo: string): string {
  if (modInfo.length >= 33 && modInfo[modInfo.length - 17] === '\n') {
    return modInfo.slice(16, -16);
  }
  return modInfo;
}

function goPackages(goVersion: string, modInfo: string): FoundPackage[] {
  const packages = parseModInfo(modInfo).map((mod) => {
    const pkg: FoundPackage = {
      name: mod.path,
      version: mod.version,
      type: 'golang',
      licenses: [],
    };
    pkg.metadata = { goVersion, ...(mod.main ? { mainModule: 'true' } : {}), ...mod.metadata };
    return pkg;
  });

  // The toolchain version may carry build tags after a space (`go1.21.0 X:boringcrypto`).
  const stdlib = goVersion.split(' ')[0] ?? '';
  if (stdlib !== '') {
    const pkg: FoundPackage = { name: 'stdlib', version: stdlib, type: 'golang', licenses: [] };
    if (stdlib !== goVersion) pkg.metadata = { goVersion };
    packages.push(pkg);
  }
  return packages;
}
