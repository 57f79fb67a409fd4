import { inflateSync } from 'node:zlib';
import { z } from 'zod';
import { type CatalogValue, type FoundPackage, MiB } from '../cataloger.js';
import { isElf, readElf, sectionData } from '../elf.js';

/**
 * cargo-auditable's dependency list: the `.dep-v0` ELF section holds zlib-compressed JSON
 * `{ "packages": [{ name, version, source, kind?, root?, dependencies? }] }`. Inflating
 * is capped, since the section's size says nothing about what it inflates to.
 */
const MAX_INFLATED = 64 * MiB;

const AuditData = z.object({
  packages: z.array(z.unknown()),
});

const AuditPackage = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  source: z.string().optional().catch(undefined),
  kind: z.string().optional().catch(undefined),
  root: z.boolean().optional().catch(undefined),
});

export function parseRustBinary(bytes: Buffer, path: string): CatalogValue | undefined {
  if (!isElf(bytes)) return undefined;

  let section: Buffer | undefined;
  let json: unknown;
  try {
    section = sectionData(readElf(bytes), '.dep-v0');
    if (!section) return undefined;
    json = JSON.parse(inflateSync(section, { maxOutputLength: MAX_INFLATED }).toString('utf8'));
  } catch (err) {
    return { packages: [], problems: [{ path, message: `.dep-v0: ${(err as Error).message}` }] };
  }
  return auditPackages(json, path);
}

function auditPackages(json: unknown, path: string): CatalogValue {
  const data = AuditData.safeParse(json);
  if (!data.success)
    return { packages: [], problems: [{ path, message: '.dep-v0 has no packages' }] };

  const value: CatalogValue = { packages: [], problems: [] };
  data.data.packages.forEach((raw, index) => {
    const entry = AuditPackage.safeParse(raw);
    if (!entry.success) {
      value.problems.push({ path, message: `.dep-v0 package ${index} lacks a name or version` });
      return;
    }

    const { name, version, source, kind, root } = entry.data;
    const pkg: FoundPackage = { name, version, type: 'cargo', licenses: [] };
    const metadata: Record<string, string> = {};
    if (source) metadata.source = source;
    if (kind) metadata.kind = kind;
    if (root) metadata.root = 'true';
    if (Object.keys(metadata).length > 0) pkg.metadata = metadata;
    value.packages.push(pkg);
  });
  return value;
}
