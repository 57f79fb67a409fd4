import { type CatalogValue, decodeText, type FoundPackage } from '../cataloger.js';
import { parseStanzas, type Stanza } from '../control-fields.js';

/**
 * dpkg's database of package records (deb-control(5) stanzas): `/var/lib/dpkg/status`, and
 * one record per file in distroless images' `status.d/`, which carry no Status field
 * because only installed packages are written there.
 */
export function parseDpkgStatus(bytes: Buffer, path: string): CatalogValue {
  const { stanzas, malformed } = parseStanzas(decodeText(bytes));
  const value: CatalogValue = { packages: [], problems: [] };
  if (malformed.length > 0) {
    value.problems.push({ path, message: `malformed lines: ${malformed.slice(0, 5).join(', ')}` });
  }

  for (const stanza of stanzas) {
    const result = stanzaToPackage(stanza);
    if (typeof result === 'string') {
      value.problems.push({ path, message: `record at line ${stanza.line}: ${result}` });
    } else if (result) {
      value.packages.push(result);
    }
  }
  return value;
}

/** Returns the package, undefined for a record that is not installed, or why it is broken. */
function stanzaToPackage(stanza: Stanza): FoundPackage | string | undefined {
  const name = stanza.fields.get('package');
  const version = stanza.fields.get('version');
  if (!name) return 'no Package field';

  // deb-control(5) Status is "want flag status"; only the last word says what is on disk.
  const status = stanza.fields.get('status');
  if (status !== undefined && status.split(/\s+/)[2] !== 'installed') return undefined;
  if (!version) return `package ${name} has no Version field`;

  const pkg: FoundPackage = { name, version, type: 'deb', licenses: [] };
  const epoch = parseEpoch(version);
  if (epoch !== undefined) pkg.epoch = epoch;

  const arch = stanza.fields.get('architecture');
  if (arch) pkg.arch = arch;

  pkg.source = parseSource(stanza.fields.get('source'), name, version);
  return pkg;
}

/** deb-version(7): `[epoch:]upstream_version[-debian_revision]`. */
export function parseEpoch(version: string): number | undefined {
  const match = /^(\d+):/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** `Source: name (version)` when the source version differs, `Source: name` when not. */
export function parseSource(
  field: string | undefined,
  name: string,
  version: string,
): { name: string; version: string } {
  if (!field) return { name, version };

  const match = /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(field.trim());
  if (!match) return { name, version };
  return { name: match[1]!, version: match[2]?.trim() ?? version };
}
