import { z } from 'zod';
import type { CatalogValue, FoundPackage } from '../cataloger.js';
import { readJsonFile } from '../parse-json.js';

/**
 * .NET's `<app>.deps.json` (dotnet/runtime docs, "deps.json"): `libraries` is keyed
 * `Name/Version`, and `type` tells NuGet packages ("package") from the application's own
 * projects and reference assemblies, which no NuGet advisory can name.
 */
const DepsJson = z.object({ libraries: z.record(z.string(), z.unknown()) });
const Library = z.object({ type: z.string() });

export function parseDepsJson(bytes: Buffer, path: string): CatalogValue {
  const deps = readJsonFile(bytes, path, DepsJson, 'deps.json has no libraries object');
  if (!deps.ok) return deps.value;

  const value: CatalogValue = { packages: [], problems: [] };
  for (const [key, raw] of Object.entries(deps.data.libraries)) {
    const library = Library.safeParse(raw);
    const slash = key.lastIndexOf('/');
    if (!library.success || slash <= 0 || slash === key.length - 1) {
      value.problems.push({ path, message: `library ${key} is not "Name/Version" with a type` });
      continue;
    }
    if (library.data.type !== 'package') continue;

    const pkg: FoundPackage = {
      name: key.slice(0, slash),
      version: key.slice(slash + 1),
      type: 'nuget',
      licenses: [],
    };
    value.packages.push(pkg);
  }
  return value;
}
