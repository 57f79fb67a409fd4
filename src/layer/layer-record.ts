import type { CompiledConsumer } from './consumers.js';
import { baseName, normaliseEntryPath, parentOf } from './paths.js';
import type { TarEntry, TarSink } from './tar-parser.js';
import type { Consumer, Diagnostic, FileContext, FileEntry, LayerOrigin } from './types.js';

/** Everything one layer says about the filesystem, independent of any consumer. */
export interface LayerRecord {
  diffId: string;
  entries: FileEntry[];
  /** Paths this layer deletes from the layers below (`.wh.NAME`). */
  whiteouts: string[];
  /** Directories whose lower contents this layer hides (`.wh..wh..opq`). */
  opaqueDirs: string[];
  diagnostics: Diagnostic[];
  inflatedBytes: number;
}

/** Values one consumer produced for one layer, by path. */
export type LayerValues = Record<string, unknown>;

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

interface PendingFile {
  consumers: Consumer[];
  ctx: FileContext;
  bytes: Buffer;
}

/**
 * The tar sink of one layer: records entries and whiteouts, reports hostile names, and
 * queues the bytes of wanted files for their consumers. Extraction runs between chunks
 * (see `drain`) so an async consumer applies back-pressure to the stream.
 */
export class LayerRecorder implements TarSink {
  readonly record: LayerRecord;
  readonly values = new Map<string, LayerValues>();
  private pending: PendingFile[] = [];
  private readonly wantedBy = new Map<TarEntry, Consumer[]>();
  private droppedDiagnostics = 0;

  constructor(
    private readonly origin: LayerOrigin,
    private readonly consumers: CompiledConsumer[],
    private readonly maxDiagnostics: number,
  ) {
    this.record = {
      diffId: origin.diffId,
      entries: [],
      whiteouts: [],
      opaqueDirs: [],
      diagnostics: [],
      inflatedBytes: 0,
    };
    for (const c of consumers) this.values.set(c.consumer.name, {});
  }

  entry(tar: TarEntry): boolean {
    const norm = normaliseEntryPath(tar.name);
    if (!norm.ok) {
      if (norm.reason !== 'empty') this.rejectName(tar, norm.reason);
      return false;
    }
    if (norm.absolute) {
      this.diagnose(
        'absolute-path',
        `entry has an absolute name; read as /${norm.path}`,
        norm.path,
      );
    }

    const path = norm.path;
    const base = baseName(path);
    if (base.startsWith(WHITEOUT)) {
      this.recordWhiteout(path, base);
      return false;
    }

    const entry = this.toEntry(tar, path);
    if (!entry) return false;
    this.record.entries.push(entry);
    return this.want(tar, entry);
  }

  head(tar: TarEntry, first: Buffer): boolean {
    const consumers = this.wantedBy.get(tar);
    if (!consumers) return false;
    const keep = consumers.filter((c) => c.accepts === undefined || c.accepts(first));
    if (keep.length === 0) {
      this.wantedBy.delete(tar);
      return false;
    }
    this.wantedBy.set(tar, keep);
    return true;
  }

  data(tar: TarEntry, bytes: Buffer): void {
    const consumers = this.wantedBy.get(tar);
    this.wantedBy.delete(tar);
    const entry = this.record.entries[this.record.entries.length - 1];
    if (!consumers || !entry) return;
    this.pending.push({ consumers, ctx: { entry, layer: this.origin }, bytes });
  }

  /** Runs the queued extractions; a consumer that throws costs one diagnostic, not the layer. */
  async drain(): Promise<void> {
    const queue = this.pending;
    this.pending = [];
    for (const file of queue) {
      for (const consumer of file.consumers) {
        try {
          const value = await consumer.extract(file.bytes, file.ctx);
          if (value !== undefined) this.values.get(consumer.name)![file.ctx.entry.path] = value;
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          this.diagnose(
            'consumer-failed',
            `${consumer.name} could not read it: ${reason}`,
            file.ctx.entry.path,
          );
        }
      }
    }
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  finish(inflatedBytes: number): void {
    this.record.inflatedBytes = inflatedBytes;
    if (this.droppedDiagnostics > 0) {
      this.record.diagnostics.push({
        code: 'diagnostics-truncated',
        message: `${this.droppedDiagnostics} more diagnostics in this layer were not kept`,
        layer: this.origin.index,
      });
    }
    this.copyHardlinkValues();
  }

  private toEntry(tar: TarEntry, path: string): FileEntry | undefined {
    const entry: FileEntry = {
      path,
      type: tar.type,
      size: tar.type === 'file' ? tar.size : 0,
      mode: tar.mode,
      uid: tar.uid,
      gid: tar.gid,
      mtime: tar.mtime,
    };
    if (tar.type === 'symlink') entry.linkTarget = tar.linkname;
    if (tar.type !== 'hardlink') return entry;

    const target = normaliseEntryPath(tar.linkname);
    if (!target.ok) {
      this.diagnose(
        'hardlink-escapes-root',
        `hard link target ${tar.linkname} is outside the root`,
        path,
      );
      return undefined;
    }
    entry.linkTarget = target.path;
    return entry;
  }

  private want(tar: TarEntry, entry: FileEntry): boolean {
    if (entry.type !== 'file') return false;

    const wanted: Consumer[] = [];
    for (const c of this.consumers) {
      if (!c.matches(entry.path)) continue;
      if (entry.size > c.consumer.maxFileSize) {
        const limit = c.consumer.maxFileSize;
        const message = `${entry.size} bytes is over ${c.consumer.name}'s limit of ${limit}`;
        this.diagnose('file-too-large', message, entry.path, c.consumer.name);
        continue;
      }
      wanted.push(c.consumer);
    }
    if (wanted.length === 0) return false;
    this.wantedBy.set(tar, wanted);
    return true;
  }

  private recordWhiteout(path: string, base: string): void {
    const dir = parentOf(path);
    if (base === OPAQUE) {
      this.record.opaqueDirs.push(dir);
      return;
    }
    const name = base.slice(WHITEOUT.length);
    if (name === '' || name === '.' || name === '..') {
      this.diagnose('bad-whiteout', 'whiteout names no file', path);
      return;
    }
    this.record.whiteouts.push(dir ? `${dir}/${name}` : name);
  }

  /**
   * Tar stores a hard link's bytes once, under the first name. Consumers get the value of
   * the target for the link's path too, so a file reached through either name is seen.
   */
  private copyHardlinkValues(): void {
    const seen = new Set(this.record.entries.map((e) => e.path));
    for (const entry of this.record.entries) {
      if (entry.type !== 'hardlink' || !entry.linkTarget) continue;
      if (!seen.has(entry.linkTarget)) {
        this.diagnose(
          'hardlink-target-missing',
          `hard link to ${entry.linkTarget}, which this layer does not contain`,
          entry.path,
        );
        continue;
      }
      for (const c of this.consumers) {
        const values = this.values.get(c.consumer.name)!;
        const value = values[entry.linkTarget];
        if (value !== undefined && c.matches(entry.path)) values[entry.path] = value;
      }
    }
  }

  private rejectName(tar: TarEntry, reason: 'escapes-root' | 'too-long'): void {
    const shown = tar.name.length > 120 ? `${tar.name.slice(0, 120)}...` : tar.name;
    const message =
      reason === 'too-long'
        ? `entry name of ${tar.name.length} characters is over the limit; skipped`
        : 'entry name climbs out of the root with ..; skipped';
    this.diagnose(reason === 'too-long' ? 'path-too-long' : 'path-escapes-root', message, shown);
  }

  diagnose(code: string, message: string, path?: string, consumer?: string): void {
    if (this.record.diagnostics.length >= this.maxDiagnostics) {
      this.droppedDiagnostics++;
      return;
    }
    const diagnostic: Diagnostic = { code, message, layer: this.origin.index, path };
    if (consumer !== undefined) diagnostic.consumer = consumer;
    this.record.diagnostics.push(diagnostic);
  }
}
