/**
 * Regular files of a tar archive held in memory (POSIX ustar with GNU long names). This is
 * for tars found inside image files; layers themselves go through src/layer/. Entries are
 * bounded by the caller and a corrupt header ends the listing with a reason.
 */
export interface TarMember {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

export function tarMembers(
  tar: Buffer,
  maxEntries: number,
): { members: TarMember[]; problem?: string } {
  const members: TarMember[] = [];
  let longName: string | undefined;

  for (let at = 0, seen = 0; at + BLOCK <= tar.length && seen < maxEntries; seen++) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;

    const size = readSize(header);
    if (size === undefined) return { members, problem: `tar header at ${at} has a bad size` };
    const start = at + BLOCK;
    if (start + size > tar.length) {
      return { members, problem: `tar member at ${at} runs past the archive` };
    }

    const data = tar.subarray(start, start + size);
    const type = String.fromCharCode(header[156]!);
    if (type === 'L') {
      longName = cString(data);
    } else {
      if (type === '0' || type === '\0' || type === '7') {
        members.push({ name: longName ?? headerName(header), data });
      }
      longName = undefined;
    }
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return { members };
}

function headerName(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const prefix = cString(header.subarray(345, 500));
  return prefix && header.toString('latin1', 257, 262) === 'ustar' ? `${prefix}/${name}` : name;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.toString('utf8', 0, end === -1 ? bytes.length : end);
}

/** Octal, or GNU base-256 when the high bit of the first byte is set. */
function readSize(header: Buffer): number | undefined {
  const field = header.subarray(124, 136);
  if ((field[0]! & 0x80) !== 0) {
    let size = 0;
    for (let i = 1; i < field.length; i++) size = size * 256 + field[i]!;
    return Number.isSafeInteger(size) ? size : undefined;
  }
  const text = cString(field).trim();
  if (!/^[0-7]{1,12}$/.test(text)) return text === '' ? 0 : undefined;
  return Number.parseInt(text, 8);
}
