import type { Readable, Transform } from 'node:stream';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import { DecompressStream } from 'zstd-napi';
import { DrydockError } from '../errors.js';

export type Compression = 'gzip' | 'zstd' | 'none';

const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/** Inflate in large chunks: fewer callbacks into the tar parser and the hashes. */
const CHUNK_SIZE = 256 * 1024;

/**
 * How far inflation may run ahead of the walk. Inflation runs on libuv's pool while the
 * walk hashes and parses on the main thread; with the default 16 KiB buffer the two take
 * turns instead of overlapping.
 */
const READ_AHEAD = 16 * CHUNK_SIZE;

/** zstd frames may ask for any window; 2^27 (128 MiB) is what zstd itself allows by default. */
const ZSTD_WINDOW_LOG_MAX = 27;

/**
 * Detects the compression from the first bytes, never from the media type: registries and
 * archives mislabel layers, and the bytes cannot lie about their own format.
 */
export function detectCompression(head: Buffer): Compression {
  if (startsWith(head, GZIP_MAGIC)) return 'gzip';
  if (startsWith(head, ZSTD_MAGIC)) return 'zstd';
  return 'none';
}

function startsWith(buf: Buffer, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

export function decompressor(kind: Compression): Transform | undefined {
  if (kind === 'gzip') {
    // Node hands zlib's options to its Transform too; the typings only omit the stream ones.
    const options = { chunkSize: CHUNK_SIZE, readableHighWaterMark: READ_AHEAD };
    return createGunzip(options as ZlibOptions);
  }
  if (kind === 'zstd') return new DecompressStream({ windowLogMax: ZSTD_WINDOW_LOG_MAX });
  return undefined;
}

/**
 * Reads at least `min` bytes (or to the end) from a paused stream and puts them back, so
 * the caller can look at the head of a blob before choosing how to read the rest.
 */
export function peek(stream: Readable, min: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let have = 0;

    const finish = (): void => {
      cleanup();
      const head = Buffer.concat(parts);
      if (head.length > 0) stream.unshift(head);
      resolve(head);
    };
    const onReadable = (): void => {
      while (have < min) {
        const chunk = stream.read() as Buffer | null;
        if (chunk === null) break;
        parts.push(chunk);
        have += chunk.length;
      }
      if (have >= min) finish();
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const cleanup = (): void => {
      stream.off('readable', onReadable);
      stream.off('end', finish);
      stream.off('error', onError);
    };

    stream.on('readable', onReadable);
    stream.on('end', finish);
    stream.on('error', onError);
  });
}

/** Wraps a decompressor's failure so the message names the layer and the format. */
export function decompressionError(kind: Compression, what: string, err: unknown): DrydockError {
  return new DrydockError('LAYER_CORRUPT', `${what}: ${kind} data is corrupt or truncated`, {
    cause: err,
  });
}
