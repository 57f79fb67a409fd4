import { type CatalogValue, decodeText, type FoundPackage } from '../cataloger.js';

/**
 * go.mod (Go Modules Reference, "go.mod files"): `require path version` lines, alone or in
 * a `require ( ... )` block, with `replace old => new version` applied. go.sum lists
 * `path version[/go.mod] hash` lines; only lines without `/go.mod` are modules whose
 * code was downloaded.
 */
export function parseGoMod(bytes: Buffer, _path: string): CatalogValue {
  const requires = new Map<string, string>();
  const replaces = new Map<string, { path: string; version: string }>();
  let block: string | undefined;

  for (const raw of decodeText(bytes).split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (line === ')') {
      block = undefined;
      continue;
    }

    const opening = /^(require|replace|exclude|retract)\s*\($/.exec(line);
    if (opening) {
      block = opening[1];
      continue;
    }

    const directive = block ? `${block} ${line}` : line;
    applyDirective(directive, requires, replaces);
  }

  const packages = [...requires].map(([mod, version]) => {
    const target = replaces.get(mod);
    return goModule(target?.version ? target.path : mod, target?.version || version);
  });
  return { packages, problems: [] };
}

function applyDirective(
  line: string,
  requires: Map<string, string>,
  replaces: Map<string, { path: string; version: string }>,
): void {
  const require = /^require\s+(\S+)\s+(\S+)/.exec(line);
  if (require) {
    requires.set(unquote(require[1]!), require[2]!);
    return;
  }

  const replace = /^replace\s+(\S+)(?:\s+\S+)?\s+=>\s+(\S+)(?:\s+(\S+))?/.exec(line);
  if (replace) replaces.set(unquote(replace[1]!), { path: replace[2]!, version: replace[3] ?? '' });
}

function unquote(text: string): string {
  return text.replace(/^"|"$/g, '');
}

export function parseGoSum(bytes: Buffer, path: string): CatalogValue {
  const seen = new Set<string>();
  const value: CatalogValue = { packages: [], problems: [] };
  let bad = 0;

  for (const line of decodeText(bytes).split('\n')) {
    if (line.trim() === '') continue;
    const match = /^(\S+)\s+(\S+)\s+h1:\S+$/.exec(line.trim());
    if (!match) {
      bad++;
      continue;
    }
    if (match[2]!.endsWith('/go.mod') || seen.has(`${match[1]}@${match[2]}`)) continue;

    seen.add(`${match[1]}@${match[2]}`);
    value.packages.push(goModule(match[1]!, match[2]!));
  }

  if (bad > 0) value.problems.push({ path, message: `${bad} lines are not "path version hash"` });
  return value;
}

function goModule(path: string, version: string): FoundPackage {
  return { name: path, version, type: 'golang', licenses: [] };
}
