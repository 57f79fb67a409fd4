import { createReadStream } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DrydockError } from '../../errors.js';
import { indexTar, type TarMember } from './tar-index.js';

/**
 * Named files of a local image, whether in a directory or inside an uncompressed tar.
 * Names are root-relative paths such as `blobs/sha256/<hex>` or `manifest.json`.
 */
export interface FileStore {
  describe: string;
  has(name: string): Promise<boolean>;
  size(name: string): Promise<number>;
  /** Reads a whole small file, refusing anything over `maxBytes`. */
  read(name: string, maxBytes: number): Promise<Buffer>;
  stream(name: string): Promise<Readable>;
  close(): Promise<void>;
}

export class DirectoryStore implements FileStore {
  constructor(
    readonly root: string,
    readonly describe: string,
  ) {}

  async has(name: string): Promise<boolean> {
    return (await stat(join(this.root, name)).catch(() => undefined))?.isFile() ?? false;
  }

  async size(name: string): Promise<number> {
    const s = await stat(join(this.root, name)).catch(() => undefined);
    if (!s?.isFile()) throw missing(this.describe, name);
    return s.size;
  }

  async read(name: string, maxBytes: number): Promise<Buffer> {
    const size = await this.size(name);
    if (size > maxBytes) throw tooLarge(this.describe, name, size, maxBytes);
    const handle = await open(join(this.root, name), 'r');
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  async stream(name: string): Promise<Readable> {
    await this.size(name);
    return createReadStream(join(this.root, name), { highWaterMark: 256 * 1024 });
  }

  async close(): Promise<void> {}
}

export class TarStore implements FileStore {
  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly members: Map<string, TarMember>,
    readonly describe: string,
  ) {}

  static async open(path: string, describe: string): Promise<TarStore> {
    const handle = await open(path, 'r').catch((err: unknown) => {
      throw new DrydockError('SOURCE_NOT_FOUND', `cannot open ${path}`, { cause: err });
    });
    try {
      const head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
      if (head[0] === 0x1f && head[1] === 0x8b) {
        throw new DrydockError(
          'SOURCE_UNSUPPORTED',
          `${path} is gzip-compressed; decompress it first`,
        );
      }
      return new TarStore(path, handle, await indexTar(handle, describe), describe);
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  names(): string[] {
    return [...this.members.keys()];
  }

  async has(name: string): Promise<boolean> {
    return this.members.has(name);
  }

  async size(name: string): Promise<number> {
    return this.member(name).size;
  }

  async read(name: string, maxBytes: number): Promise<Buffer> {
    const m = this.member(name);
    if (m.size > maxBytes) throw tooLarge(this.describe, name, m.size, maxBytes);
    const buf = Buffer.alloc(m.size);
    await this.handle.read(buf, 0, m.size, m.offset);
    return buf;
  }

  async stream(name: string): Promise<Readable> {
    const m = this.member(name);
    if (m.size === 0) return Readable.from([]);
    return createReadStream(this.path, {
      start: m.offset,
      end: m.offset + m.size - 1,
      highWaterMark: 256 * 1024,
    });
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private member(name: string): TarMember {
    const m = this.members.get(name);
    if (!m) throw missing(this.describe, name);
    return m;
  }
}

function missing(where: string, name: string): DrydockError {
  return new DrydockError('BLOB_MISSING', `${where} has no ${name}`);
}

function tooLarge(where: string, name: string, size: number, max: number): DrydockError {
  return new DrydockError(
    'BLOB_TOO_LARGE',
    `${where}: ${name} is ${size} bytes, over the ${max} limit`,
  );
}
