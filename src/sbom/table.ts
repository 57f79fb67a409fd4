import type { Inventory, Package } from '../catalog/types.js';
import { sortInventory } from './canonical.js';
import type { RenderOptions, Target } from './types.js';

/**
 * `--format table`: one row per package for people at a terminal. Every cell is made
 * printable first: names come from the scanned image, and an escape sequence in a package
 * name MUST NOT reach the user's terminal.
 */
const HEADERS = ['NAME', 'VERSION', 'TYPE', 'SOURCE', 'LOCATION'] as const;

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

export function printable(value: string): string {
  // Cf covers the bidirectional overrides that make text display out of order.
  return value.replace(/[\p{Cc}\p{Cf}]/gu, (c) => {
    const code = c.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

function row(pkg: Package): string[] {
  const source = pkg.source === undefined ? '' : `${pkg.source.name} ${pkg.source.version}`;
  const first = pkg.locations[0];
  let location = first === undefined ? '' : first.path;
  if (first?.layer !== undefined) location += ` (layer ${first.layer})`;
  if (pkg.locations.length > 1) location += ` +${pkg.locations.length - 1}`;
  if (pkg.ownedBy !== undefined) location += ` [owned by ${pkg.ownedBy.name}]`;

  return [pkg.name, pkg.version, pkg.type, source, location].map(printable);
}

export function renderTable(inv: Inventory, target: Target, options: RenderOptions): string {
  const inventory = sortInventory(inv);
  const rows = inventory.packages.map(row);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();

  const style = (code: string, s: string) => (options.color ? `${code}${s}${RESET}` : s);
  const distro = inventory.distro;
  const distroName = distro === undefined ? 'unknown' : (distro.prettyName ?? distro.id);
  const out = [
    `${style(BOLD, printable(target.name))}  distro: ${printable(distroName)}`,
    '',
    style(BOLD, line(HEADERS)),
    ...rows.map(line),
    '',
    style(DIM, summary(inventory)),
  ];
  return `${out.join('\n')}\n`;
}

function summary(inventory: Inventory): string {
  const n = inventory.packages.length;
  const p = inventory.problems.length;
  const packages = `${n} package${n === 1 ? '' : 's'}`;
  return p === 0 ? packages : `${packages}, ${p} problem${p === 1 ? '' : 's'} while cataloging`;
}
