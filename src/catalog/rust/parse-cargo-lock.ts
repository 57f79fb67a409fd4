import { parse as parseToml } from 'smol-toml';
import { z } from 'zod';
import { type CatalogValue, decodeText, type FoundPackage } from '../cataloger.js';

/** Cargo.lock: `[[package]]` tables with name, version and source (absent for local crates). */
const Lock = z.object({ package: z.array(z.unknown()).optional() });
const Entry = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  source: z.string().optional().catch(undefined),
});

export function parseCargoLock(bytes: Buffer, path: string): CatalogValue {
  let doc: unknown;
  try {
    doc = parseToml(decodeText(bytes));
  } catch (err) {
    return {
      packages: [],
      problems: [{ path, message: `invalid toml: ${(err as Error).message}` }],
    };
  }

  const lock = Lock.safeParse(doc);
  if (!lock.success) return { packages: [], problems: [{ path, message: 'not a cargo lockfile' }] };

  const value: CatalogValue = { packages: [], problems: [] };
  (lock.data.package ?? []).forEach((raw, index) => {
    const entry = Entry.safeParse(raw);
    if (!entry.success) {
      value.problems.push({ path, message: `package ${index} lacks a name or version` });
      return;
    }

    const pkg: FoundPackage = {
      name: entry.data.name,
      version: entry.data.version,
      type: 'cargo',
      licenses: [],
    };
    if (entry.data.source) pkg.metadata = { source: entry.data.source };
    value.packages.push(pkg);
  });
  return value;
}
