import type { LayerRecord } from './layer-record.js';
import { parentOf, resolveLinkTarget } from './paths.js';
import type { Diagnostic, FileEntry } from './types.js';

export interface PlacedEntry {
  entry: FileEntry;
  layer: number;
}

export interface RemovedEntry extends PlacedEntry {
  /** The layer that deleted (whiteout) or replaced (same path written again) the entry. */
  removedBy: number;
}

const MAX_LINK_HOPS = 40;

/**
 * The squashed filesystem: layers applied in order with their whiteouts, as a container
 * runtime would see it, plus every entry a later layer hid. The secret scanner needs the
 * hidden ones: deleting a file in a later layer does not remove it from the image.
 */
export class SquashedView {
  private readonly files = new Map<string, PlacedEntry>();
  private readonly children = new Map<string, Set<string>>();
  private readonly removedAt = new Map<string, number>();
  readonly removed: RemovedEntry[] = [];
  readonly diagnostics: Diagnostic[] = [];

  static build(records: LayerRecord[]): SquashedView {
    const view = new SquashedView();
    for (const [layer, record] of records.entries()) view.apply(record, layer);
    return view;
  }

  get(path: string): PlacedEntry | undefined {
    return this.files.get(path);
  }

  entries(): IterableIterator<PlacedEntry> {
    return this.files.values();
  }

  get size(): number {
    return this.files.size;
  }

  /** The layer that removed the entry a layer wrote at `path`, if one did. */
  removedBy(path: string, layer: number): number | undefined {
    return this.removedAt.get(`${layer}\0${path}`);
  }

  /**
   * Follows symlinks the way a runtime does inside the root (absolute targets start at
   * the root, `..` stops at it), so no lookup can leave the image. Undefined for a
   * missing path or a link loop.
   */
  resolve(path: string): PlacedEntry | undefined {
    let parts = path.split('/').filter(Boolean);
    let hops = 0;
    let done: string[] = [];
    while (parts.length > 0) {
      const next = done.length ? `${done.join('/')}/${parts[0]}` : parts[0]!;
      const found = this.files.get(next);
      if (found?.entry.type === 'symlink' && found.entry.linkTarget !== undefined) {
        if (++hops > MAX_LINK_HOPS) return undefined;
        const target = resolveLinkTarget(next, found.entry.linkTarget);
        parts = [...target.split('/').filter(Boolean), ...parts.slice(1)];
        done = [];
        continue;
      }
      done.push(parts.shift()!);
    }
    return this.files.get(done.join('/'));
  }

  private apply(record: LayerRecord, layer: number): void {
    for (const dir of record.opaqueDirs) {
      for (const child of [...(this.children.get(dir) ?? [])]) this.removeTree(child, layer);
    }
    for (const path of record.whiteouts) this.removeTree(path, layer);

    for (const entry of record.entries) {
      const old = this.files.get(entry.path);
      if (old && (old.entry.type !== 'dir' || entry.type !== 'dir')) {
        if (old.entry.type === 'dir') this.removeTree(entry.path, layer);
        else this.remove(entry.path, old, layer);
      }
      this.checkParents(entry, layer);
      this.insert(entry, layer);
    }
  }

  /** A write below a symlink would land where the link points: reported, never followed. */
  private checkParents(entry: FileEntry, layer: number): void {
    for (let dir = parentOf(entry.path); dir !== ''; dir = parentOf(dir)) {
      const parent = this.files.get(dir);
      if (!parent) continue;
      if (parent.entry.type === 'symlink') {
        this.diagnostics.push({
          code: 'write-through-symlink',
          message: `entry is below ${dir}, a symlink to ${parent.entry.linkTarget}; kept as is`,
          layer,
          path: entry.path,
        });
      }
      return;
    }
  }

  private insert(entry: FileEntry, layer: number): void {
    this.files.set(entry.path, { entry, layer });
    let path = entry.path;
    while (path !== '') {
      const parent = parentOf(path);
      let set = this.children.get(parent);
      if (!set) {
        set = new Set();
        this.children.set(parent, set);
      }
      if (set.has(path)) return;
      set.add(path);
      path = parent;
    }
  }

  private removeTree(path: string, layer: number): void {
    for (const child of [...(this.children.get(path) ?? [])]) this.removeTree(child, layer);
    this.children.delete(path);
    const old = this.files.get(path);
    if (old) this.remove(path, old, layer);
    this.children.get(parentOf(path))?.delete(path);
  }

  private remove(path: string, old: PlacedEntry, layer: number): void {
    this.files.delete(path);
    this.removed.push({ ...old, removedBy: layer });
    this.removedAt.set(`${old.layer}\0${path}`, layer);
  }
}
