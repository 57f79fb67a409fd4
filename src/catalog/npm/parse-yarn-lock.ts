import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type CatalogValue, decodeText, type FoundPackage } from '../cataloger.js';

/**
 * yarn.lock in both dialects: yarn 1's own format (an unindented line of comma-separated
 * specifiers ending in ':', then indented `version "x"`), and yarn 2+'s YAML, recognised
 * by its `__metadata` entry, whose keys read `name@npm:range`.
 */
export function parseYarnLock(bytes: Buffer, path: string): CatalogValue {
  const text = decodeText(bytes);
  if (/^__metadata:/m.test(text)) return parseBerry(text, path);
  return parseClassic(text, path);
}

function parseClassic(text: string, path: string): CatalogValue {
  const value: CatalogValue = { packages: [], problems: [] };
  const seen = new Set<string>();
  let name: string | undefined;
  let header = 0;

  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#') || line.trim() === '') continue;

    if (!/^\s/.test(line)) {
      name = nameFromSpecifier(line.replace(/:$/, '').split(',')[0]!.trim());
      header = i + 1;
      if (!name) value.problems.push({ path, message: `line ${i + 1}: unreadable specifier` });
      continue;
    }

    const version = /^\s+version:?\s+"?([^"\s]+)"?\s*$/.exec(line);
    if (!version || !name) continue;
    addOnce(value, seen, name, version[1]!);
    name = undefined;
  }

  if (name) value.problems.push({ path, message: `entry at line ${header} has no version` });
  return value;
}

const BerryEntry = z.object({ version: z.union([z.string(), z.number()]).transform(String) });

function parseBerry(text: string, path: string): CatalogValue {
  const value: CatalogValue = { packages: [], problems: [] };
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    return {
      packages: [],
      problems: [{ path, message: `invalid yaml: ${(err as Error).message}` }],
    };
  }
  if (typeof doc !== 'object' || doc === null) return value;

  const seen = new Set<string>();
  for (const [key, raw] of Object.entries(doc)) {
    if (key === '__metadata' || key.includes('@workspace:')) continue;

    const name = nameFromSpecifier(key.split(',')[0]!.trim());
    const entry = BerryEntry.safeParse(raw);
    if (!name || !entry.success) {
      value.problems.push({ path, message: `entry ${key} lacks a name or version` });
      continue;
    }
    addOnce(value, seen, name, entry.data.version);
  }
  return value;
}

/** `"@scope/name@^1.0.0"` -> `@scope/name`; the first `@` of a scoped name is not a separator. */
export function nameFromSpecifier(specifier: string): string | undefined {
  const unquoted = specifier.replace(/^"|"$/g, '');
  const at = unquoted.indexOf('@', 1);
  const name = at < 0 ? unquoted : unquoted.slice(0, at);
  return name === '' ? undefined : name;
}

function addOnce(value: CatalogValue, seen: Set<string>, name: string, version: string): void {
  const key = `${name}@${version}`;
  if (seen.has(key)) return;
  seen.add(key);

  const pkg: FoundPackage = { name, version, type: 'npm', licenses: [] };
  value.packages.push(pkg);
}
