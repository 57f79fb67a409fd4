/**
 * What a file's bytes are, judged by content rather than by name: an archive the scanner
 * opens, binary data it skips, or text it scans.
 */
export type ContentKind = 'zip' | 'gzip' | 'tar' | 'binary' | 'text';

/** How far into a file a NUL byte marks it as binary. */
export const BINARY_SNIFF_BYTES = 8192;

export function sniffContent(bytes: Uint8Array): ContentKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const kind = bytes[2]! * 256 + bytes[3]!;
    // Local file header, or the end record of an empty archive (APPNOTE 4.3.7, 4.3.16).
    if (kind === 0x0304 || kind === 0x0506) return 'zip';
  }
  if (bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08) {
    return 'gzip';
  }
  if (isTar(bytes)) return 'tar';

  const head = bytes.subarray(0, BINARY_SNIFF_BYTES);
  return head.indexOf(0) === -1 ? 'text' : 'binary';
}

/** POSIX ustar and GNU tar both put a `ustar` magic at offset 257 of the first header. */
function isTar(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return false;
  const magic = Buffer.from(bytes.buffer, bytes.byteOffset + 257, 5).toString('latin1');
  return magic === 'ustar';
}

/** Share of bytes that are printable ASCII or common whitespace. */
export function printableShare(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let printable = 0;
  for (const b of bytes) {
    if ((b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d) printable++;
  }
  return printable / bytes.length;
}
