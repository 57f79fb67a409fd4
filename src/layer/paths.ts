/**
 * Normalisation of tar entry names into root-relative paths. Hostile archives use `../`,
 * absolute names and NUL tricks to reach outside the root; everything here maps a name to
 * a path inside the root or rejects it, and never touches the filesystem.
 */
export const MAX_PATH_LENGTH = 4096;

export type NormalisedPath =
  | { ok: true; path: string; absolute: boolean }
  | { ok: false; reason: 'escapes-root' | 'too-long' | 'empty' };

export function normaliseEntryPath(name: string): NormalisedPath {
  if (name.length > MAX_PATH_LENGTH) return { ok: false, reason: 'too-long' };

  const absolute = name.startsWith('/');
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return { ok: false, reason: 'escapes-root' };
      out.pop();
      continue;
    }
    out.push(part);
  }

  if (out.length === 0) return { ok: false, reason: 'empty' };
  return { ok: true, path: out.join('/'), absolute };
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Resolves a symlink target the way a container runtime does inside the root: absolute
 * targets start at the root, and `..` at the root stays at the root, so no link can point
 * outside it. Returns the root-relative path, '' for the root itself.
 */
export function resolveLinkTarget(linkPath: string, target: string): string {
  const start = target.startsWith('/') ? [] : parentOf(linkPath).split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') start.pop();
    else start.push(part);
  }
  return start.join('/');
}
