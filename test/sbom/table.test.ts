import { describe, expect, it } from 'vitest';
import { printable, renderTable } from '../../src/sbom/table.js';
import { fullInventory, IMAGE, OPTIONS } from './fixtures.js';

const ESC = '\u001b';

describe('table renderer', () => {
  it('prints one aligned row per package with source and location', () => {
    const lines = renderTable(fullInventory(), IMAGE, OPTIONS).split('\n');

    expect(lines[0]).toBe('docker.io/library/debian:12  distro: Debian GNU/Linux 12 (bookworm)');
    expect(lines[2]).toMatch(/^NAME +VERSION +TYPE +SOURCE +LOCATION$/);
    const gcc = lines.find((l) => l.startsWith('libgcc-s1'))!;
    expect(gcc).toMatch(
      /^libgcc-s1 +1:12\.2\.0-14 +deb +gcc-12 12\.2\.0-14 +var\/lib\/dpkg\/status \(layer 0\)$/,
    );
    expect(lines.find((l) => l.startsWith('express'))).toContain('(layer 1) +1');
    expect(lines.find((l) => l.startsWith('urllib3'))).toContain('[owned by python3-urllib3]');
    expect(lines.at(-2)).toBe('4 packages, 2 problems while cataloging');
  });

  it('starts every column at the same offset on every row', () => {
    const lines = renderTable(fullInventory(), IMAGE, OPTIONS).split('\n').slice(2, 7);
    const offsets = lines.map((l) =>
      l.indexOf(l.startsWith('NAME') ? 'VERSION' : l.split(/ {2,}/)[1]!),
    );

    expect(new Set(offsets).size).toBe(1);
  });

  it('writes no escape codes unless colour is asked for', () => {
    expect(renderTable(fullInventory(), IMAGE, OPTIONS)).not.toContain(ESC);
    expect(renderTable(fullInventory(), IMAGE, { ...OPTIONS, color: true })).toContain(`${ESC}[1m`);
  });

  it('escapes terminal control sequences and bidi overrides in package names', () => {
    const inventory = fullInventory();
    inventory.packages[0]!.name = `evil${ESC}]0;pwned\u0007\u202e`;
    const text = renderTable(inventory, { kind: 'sbom', name: `x${ESC}[2J` }, OPTIONS);

    expect(text).not.toContain(ESC);
    expect(text).toContain('evil\\x1b]0;pwned\\x07\\u{202e}');
  });

  it('says when the distro is unknown and counts one package in the singular', () => {
    const text = renderTable(
      { packages: [fullInventory().packages[2]!], problems: [] },
      { kind: 'filesystem', name: '.' },
      OPTIONS,
    );

    expect(text).toContain('distro: unknown');
    expect(text.trimEnd().endsWith('1 package')).toBe(true);
  });

  it('printable leaves ordinary text alone', () => {
    expect(printable('libc6 2.36-9+deb12u4 ü')).toBe('libc6 2.36-9+deb12u4 ü');
  });
});
