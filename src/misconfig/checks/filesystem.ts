import type { PlacedEntry } from '../../layer/squash.js';
import type { Check, Evidence, FilesystemContext } from '../types.js';
import { capEvidence, fromEntry } from './shared.js';

/** Checks of file modes and leftovers in the squashed filesystem. */
const IMAGE = ['image'] as const;
const SETUID = 0o4000;
const SETGID = 0o2000;
const STICKY = 0o1000;
const OTHER_WRITE = 0o002;

function isRegular(placed: PlacedEntry): boolean {
  return placed.entry.type === 'file' || placed.entry.type === 'hardlink';
}

function octal(mode: number): string {
  return `0${(mode & 0o7777).toString(8).padStart(4, '0')}`;
}

export const setuidFiles: Check = {
  id: 'DD-FS-001',
  title: 'setuid or setgid binaries',
  severity: 'MEDIUM',
  rationale:
    'A setuid or setgid program runs with its owner or group rights whoever starts it; ' +
    'each one is a way from an unprivileged process to root.',
  remedy:
    'Remove the programs the service does not need, or clear the bits with ' +
    'chmod u-s,g-s in the build, and run with no-new-privileges.',
  targets: IMAGE,
  evaluate(ctx) {
    const fs = ctx.fs;
    if (!fs) return [];
    const out: Evidence[] = [];
    const special = (p: PlacedEntry) => isRegular(p) && (p.entry.mode & (SETUID | SETGID)) !== 0;
    for (const placed of matching(fs, special)) {
      const mode = placed.entry.mode;
      const bits = [mode & SETUID ? 'setuid' : '', mode & SETGID ? 'setgid' : ''].filter(Boolean);
      const owner = `uid ${placed.entry.uid}, gid ${placed.entry.gid}`;
      out.push(fromEntry(fs, placed, `${bits.join(' and ')} (mode ${octal(mode)}, ${owner})`));
    }
    return capEvidence(out);
  },
};

function isWorldWritable(placed: PlacedEntry): boolean {
  const { type, mode } = placed.entry;
  if ((mode & OTHER_WRITE) === 0) return false;
  // A sticky folder (/tmp) only lets owners delete or rename their own files.
  if (type === 'dir') return (mode & STICKY) === 0;
  return isRegular(placed);
}

export const worldWritable: Check = {
  id: 'DD-FS-002',
  title: 'World-writable files or folders',
  severity: 'MEDIUM',
  rationale:
    'Any user in the container can change a world-writable file, or add and swap files in ' +
    'a world-writable folder, which lets one process tamper with what another runs.',
  remedy:
    'Give the files to the user that needs them and drop the write bit for others ' +
    '(chmod o-w); shared scratch folders should carry the sticky bit, as /tmp does.',
  targets: IMAGE,
  evaluate(ctx) {
    const fs = ctx.fs;
    if (!fs) return [];
    const out: Evidence[] = [];
    for (const placed of matching(fs, isWorldWritable)) {
      const { type, mode } = placed.entry;
      const what = type === 'dir' ? 'folder' : 'file';
      out.push(fromEntry(fs, placed, `world-writable ${what} (mode ${octal(mode)})`));
    }
    return capEvidence(out);
  },
};

/** Folders package managers fill during a build that a runtime never needs. */
const CACHE_DIRS: Array<{ dir: string; what: string; ignore?: RegExp }> = [
  { dir: 'var/lib/apt/lists', what: 'apt package lists', ignore: /^(lock|partial|auxfiles)$/ },
  {
    dir: 'var/cache/apt',
    what: 'apt cache',
    ignore: /^(archives\/(lock|partial))$|^(archives|partial)$/,
  },
  { dir: 'var/cache/apk', what: 'apk cache' },
  { dir: 'var/cache/yum', what: 'yum cache' },
  { dir: 'var/cache/dnf', what: 'dnf cache' },
  { dir: 'var/cache/zypp', what: 'zypper cache' },
  { dir: 'root/.cache/pip', what: 'pip cache' },
  { dir: 'root/.npm/_cacache', what: 'npm cache' },
  { dir: 'usr/local/share/.cache/yarn', what: 'yarn cache' },
];

export const packageCaches: Check = {
  id: 'DD-FS-006',
  title: 'Package manager caches left behind',
  severity: 'LOW',
  rationale:
    'Package lists and downloaded archives make the image bigger and slower to pull, and ' +
    'stale lists make a later install in a derived image pick outdated packages.',
  remedy:
    'Clean up in the same RUN that installs (rm -rf /var/lib/apt/lists/*, apk add ' +
    '--no-cache, pip --no-cache-dir, npm cache clean --force, dnf clean all).',
  targets: IMAGE,
  evaluate(ctx) {
    const fs = ctx.fs;
    if (!fs) return [];
    const out: Evidence[] = [];
    const byCache = cacheFiles(fs);
    for (const cache of CACHE_DIRS) {
      const files = byCache.get(cache.dir) ?? [];
      if (files.length === 0) continue;
      const bytes = files.reduce((sum, f) => sum + f.entry.size, 0);
      const top = files.reduce((a, b) => (b.layer > a.layer ? b : a));
      const detail = `${cache.what}: ${files.length} files, ${bytes} bytes in ${cache.dir}`;
      out.push({ ...fromEntry(fs, top, detail), path: cache.dir });
    }
    return out;
  },
};

/** Regular files under each cache folder, in one pass over the squashed view. */
function cacheFiles(fs: FilesystemContext): Map<string, PlacedEntry[]> {
  const found = new Map<string, PlacedEntry[]>();
  for (const placed of fs.squashed.entries()) {
    if (!isRegular(placed)) continue;
    const path = placed.entry.path;
    const cache = CACHE_DIRS.find((c) => path.startsWith(`${c.dir}/`));
    if (!cache || cache.ignore?.test(path.slice(cache.dir.length + 1))) continue;
    const files = found.get(cache.dir);
    if (files) files.push(placed);
    else found.set(cache.dir, [placed]);
  }
  return found;
}

/** Entries that pass `keep`, by path, so reports are the same on every run. */
function matching(fs: FilesystemContext, keep: (p: PlacedEntry) => boolean): PlacedEntry[] {
  const hits: PlacedEntry[] = [];
  for (const placed of fs.squashed.entries()) if (keep(placed)) hits.push(placed);
  return hits.sort((a, b) => (a.entry.path < b.entry.path ? -1 : 1));
}
