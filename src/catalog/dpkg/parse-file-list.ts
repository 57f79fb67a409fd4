import { type CatalogValue, decodeText } from '../cataloger.js';

/**
 * The files a deb installed: `info/<name>[:<arch>].list` holds one absolute path a line;
 * distroless `status.d/<name>.md5sums` holds `<md5>  <relative path>` lines. Both are
 * recorded as paths without a leading slash, as the layer walk names files.
 */
export function parseDpkgList(bytes: Buffer, path: string): CatalogValue {
  const owner = ownerFromFileName(path, '.list');
  const files = decodeText(bytes)
    .split('\n')
    .map((line) => line.replace(/^\/+/, '').trimEnd())
    .filter((line) => line !== '' && line !== '.');

  return { packages: [], problems: [], facts: [{ ...owner, files }] };
}

export function parseDpkgMd5sums(bytes: Buffer, path: string): CatalogValue {
  const owner = ownerFromFileName(path, '.md5sums');
  const files: string[] = [];
  let bad = 0;

  for (const line of decodeText(bytes).split('\n')) {
    if (line.trim() === '') continue;
    const match = /^[0-9a-f]{32}\s+(.+)$/.exec(line);
    if (match) files.push(match[1]!.replace(/^\/+/, ''));
    else bad++;
  }

  const problems = bad > 0 ? [{ path, message: `${bad} lines are not "<md5> <path>"` }] : [];
  return { packages: [], problems, facts: [{ ...owner, files }] };
}

function ownerFromFileName(path: string, suffix: string): { package: string; arch?: string } {
  const base = path.slice(path.lastIndexOf('/') + 1, path.length - suffix.length);
  const colon = base.indexOf(':');
  if (colon < 0) return { package: base };
  return { package: base.slice(0, colon), arch: base.slice(colon + 1) };
}
