import { DrydockError } from '../errors.js';
import {
  BLOCK,
  decodeHeader,
  entryType,
  hasNoData,
  isZeroBlock,
  parsePax,
  type RawHeader,
} from './tar-header.js';
import type { EntryType } from './types.js';

/**
 * A push parser for tar streams, written for the layer walk's hot path: it never copies
 * the bytes of files nobody asked for, keeps at most one header block of carry-over, and
 * bounds every piece of metadata it buffers (pax records, GNU long names).
 */
export interface TarEntry {
  name: string;
  type: EntryType;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  linkname: string;
}

export interface TarSink {
  /** Return true to receive the entry's bytes through `data`. */
  entry(entry: TarEntry): boolean;
  /** Sees the first bytes of a wanted entry's data; false stops capturing it. */
  head?(entry: TarEntry, first: Buffer): boolean;
  data(entry: TarEntry, bytes: Buffer): void;
}

export interface TarLimits {
  /** Largest pax extended header or GNU long name/link record accepted. */
  maxMetaBytes: number;
}

type State = 'header' | 'meta' | 'data' | 'padding' | 'end';

export class TarParser {
  private state: State = 'header';
  private carry = Buffer.alloc(BLOCK);
  private carried = 0;
  private remaining = 0;
  private padding = 0;
  private current: TarEntry | undefined;
  private capture: Buffer[] | undefined;
  private metaType = '';
  private meta: Buffer[] = [];
  private pax = new Map<string, string>();
  private longName: string | undefined;
  private longLink: string | undefined;

  constructor(
    private readonly sink: TarSink,
    private readonly limits: TarLimits,
  ) {}

  write(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length && this.state !== 'end') {
      switch (this.state) {
        case 'header':
          pos = this.readHeader(chunk, pos);
          break;
        case 'meta':
        case 'data':
          pos = this.readBody(chunk, pos);
          break;
        case 'padding': {
          const n = Math.min(this.padding, chunk.length - pos);
          this.padding -= n;
          pos += n;
          if (this.padding === 0) this.state = 'header';
          break;
        }
      }
    }
  }

  /** Called at the end of input; a stream that stops inside an entry is truncated. */
  end(): void {
    if (this.state === 'end') return;
    if (this.state === 'header' && this.carried === 0) return;
    // Some writers (umoci 0.4's insert among them) stop after the last file's data with no
    // padding or end blocks; every byte of every entry arrived, so nothing is lost.
    if (this.state === 'padding') return;
    const what = this.current ? ` inside ${this.current.name}` : '';
    throw new DrydockError('LAYER_CORRUPT', `tar stream is truncated${what}`);
  }

  private readHeader(chunk: Buffer, pos: number): number {
    let block: Buffer;
    let off: number;
    if (this.carried === 0 && chunk.length - pos >= BLOCK) {
      block = chunk;
      off = pos;
      pos += BLOCK;
    } else {
      const n = Math.min(BLOCK - this.carried, chunk.length - pos);
      chunk.copy(this.carry, this.carried, pos, pos + n);
      this.carried += n;
      pos += n;
      if (this.carried < BLOCK) return pos;
      block = this.carry;
      off = 0;
      this.carried = 0;
    }

    if (isZeroBlock(block, off)) {
      // Two zero blocks end the archive; some writers emit only one, so one is enough.
      this.state = 'end';
      return pos;
    }
    this.onHeader(decodeHeader(block, off));
    return pos;
  }

  private onHeader(raw: RawHeader): void {
    const flag = raw.typeflag;
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (raw.size > this.limits.maxMetaBytes) {
        throw new DrydockError(
          'LAYER_CORRUPT',
          `tar metadata record of ${raw.size} bytes exceeds the ${this.limits.maxMetaBytes} limit`,
        );
      }
      this.metaType = flag;
      this.meta = [];
      this.current = undefined;
      this.startBody(raw.size, 'meta');
      return;
    }

    const entry = this.applyExtensions(raw);
    this.current = entry;
    const want = this.sink.entry(entry);
    const size = hasNoData(entry.type) ? 0 : entry.size;
    this.capture = want && size > 0 ? [] : undefined;
    if (want && size === 0) this.sink.data(entry, Buffer.alloc(0));
    this.startBody(size, 'data');
  }

  private applyExtensions(raw: RawHeader): TarEntry {
    const pax = this.pax;
    const type = entryType(raw.typeflag) ?? 'file';
    const size = pax.has('size') ? Number(pax.get('size')) : raw.size;
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new DrydockError('LAYER_CORRUPT', `invalid pax size for ${raw.name}`);
    }

    const entry: TarEntry = {
      name: pax.get('path') ?? this.longName ?? raw.name,
      type,
      size,
      mode: raw.mode & 0o7777,
      uid: pax.has('uid') ? Number(pax.get('uid')) || 0 : raw.uid,
      gid: pax.has('gid') ? Number(pax.get('gid')) || 0 : raw.gid,
      mtime: pax.has('mtime') ? Math.floor(Number(pax.get('mtime')) || 0) : raw.mtime,
      linkname: pax.get('linkpath') ?? this.longLink ?? raw.linkname,
    };
    this.pax = new Map();
    this.longName = undefined;
    this.longLink = undefined;
    return entry;
  }

  private startBody(size: number, state: 'meta' | 'data'): void {
    this.remaining = size;
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    this.state = state;
    if (size === 0) this.finishBody();
  }

  private readBody(chunk: Buffer, pos: number): number {
    const n = Math.min(this.remaining, chunk.length - pos);
    if (this.state === 'meta') this.meta.push(chunk.subarray(pos, pos + n));
    else if (this.capture) this.captureSlice(chunk.subarray(pos, pos + n));
    this.remaining -= n;
    pos += n;
    if (this.remaining === 0) this.finishBody();
    return pos;
  }

  private captureSlice(slice: Buffer): void {
    const first = this.capture!.length === 0;
    if (first && this.current && this.sink.head && !this.sink.head(this.current, slice)) {
      this.capture = undefined;
      return;
    }
    this.capture!.push(Buffer.from(slice));
  }

  private finishBody(): void {
    if (this.state === 'meta') this.finishMeta();
    else if (this.capture && this.current) {
      const bytes = this.capture.length === 1 ? this.capture[0]! : Buffer.concat(this.capture);
      this.capture = undefined;
      this.sink.data(this.current, bytes);
    }
    this.current = undefined;
    this.state = this.padding > 0 ? 'padding' : 'header';
  }

  private finishMeta(): void {
    const data = Buffer.concat(this.meta);
    this.meta = [];
    if (this.metaType === 'x') {
      for (const [k, v] of parsePax(data)) this.pax.set(k, v);
    } else if (this.metaType === 'L') {
      this.longName = nulTrimmed(data);
    } else if (this.metaType === 'K') {
      this.longLink = nulTrimmed(data);
    }
    // Global pax headers ('g') are validated by parsing but not applied: no image tool
    // writes them, and applying them would let one record rename every later entry.
    if (this.metaType === 'g') parsePax(data);
  }
}

function nulTrimmed(data: Buffer): string {
  const nul = data.indexOf(0);
  return data.toString('utf8', 0, nul < 0 ? data.length : nul);
}
