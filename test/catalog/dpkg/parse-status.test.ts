import { describe, expect, it } from 'vitest';
import {
  parseDpkgStatus,
  parseEpoch,
  parseSource,
} from '../../../src/catalog/dpkg/parse-status.js';

/** Written as dpkg writes /var/lib/dpkg/status: stanzas, continuation lines, Source forms. */
const STATUS = `Package: libc6
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 12987
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: amd64
Multi-Arch: same
Source: glibc
Version: 2.36-9+deb12u4
Depends: libgcc-s1
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.
 .
 This package includes shared versions of the standard C library.

Package: libgcrypt20
Status: install ok installed
Architecture: amd64
Source: libgcrypt20 (1.10.1-3)
Version: 1.10.1-3+b1
Description: LGPL Crypto library - runtime library

Package: util-linux
Status: install ok installed
Architecture: amd64
Version: 2.38.1-5+deb12u1
Description: miscellaneous system utilities

Package: perl-base
Status: install ok installed
Architecture: amd64
Source: perl
Version: 1:5.36.0-7+deb12u1

Package: old-removed
Status: deinstall ok config-files
Architecture: amd64
Version: 1.0-1

Package: half
Status: install reinstreq half-installed
Architecture: all
Version: 0.1
`;

describe('parseDpkgStatus', () => {
  const { packages, problems } = parseDpkgStatus(Buffer.from(STATUS), 'var/lib/dpkg/status');

  it('lists only installed packages', () => {
    expect(problems).toEqual([]);
    expect(packages.map((p) => p.name)).toEqual([
      'libc6',
      'libgcrypt20',
      'util-linux',
      'perl-base',
    ]);
  });

  it('reads version, architecture and the source package in each Source form', () => {
    expect(packages[0]).toEqual({
      name: 'libc6',
      version: '2.36-9+deb12u4',
      type: 'deb',
      arch: 'amd64',
      licenses: [],
      source: { name: 'glibc', version: '2.36-9+deb12u4' },
    });
    expect(packages[1]?.source).toEqual({ name: 'libgcrypt20', version: '1.10.1-3' });
    expect(packages[2]?.source).toEqual({ name: 'util-linux', version: '2.38.1-5+deb12u1' });
  });

  it('keeps the epoch in the version and records it apart', () => {
    expect(packages[3]).toMatchObject({ version: '1:5.36.0-7+deb12u1', epoch: 1 });
  });

  it('reads a distroless status.d record, which has no Status field', () => {
    const record = 'Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n';
    const value = parseDpkgStatus(Buffer.from(record), 'var/lib/dpkg/status.d/tzdata');
    expect(value.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['tzdata@2024a-0+deb12u1']);
  });

  it('reports a broken record and keeps the records around it', () => {
    const text =
      'Package: a\nVersion: 1\n\nStatus: install ok installed\n\nPackage: b\nVersion: 2\n';
    const value = parseDpkgStatus(Buffer.from(text), 'var/lib/dpkg/status');
    expect(value.packages.map((p) => p.name)).toEqual(['a', 'b']);
    expect(value.problems).toEqual([
      { path: 'var/lib/dpkg/status', message: 'record at line 4: no Package field' },
    ]);
  });

  it('reports an installed package without a version', () => {
    const text = 'Package: a\nStatus: install ok installed\n';
    expect(parseDpkgStatus(Buffer.from(text), 's').problems[0]?.message).toContain('no Version');
  });

  it('survives binary garbage and a huge line', () => {
    const junk = Buffer.concat([
      Buffer.alloc(1000, 0xff),
      Buffer.from(`\n${'x'.repeat(1_000_000)}\n`),
    ]);
    const value = parseDpkgStatus(junk, 'var/lib/dpkg/status');
    expect(value.packages).toEqual([]);
    expect(value.problems).toHaveLength(1);
  });
});

describe('dpkg version fields', () => {
  it.each([
    ['1:5.36.0-7', 1],
    ['2.36-9', undefined],
    ['10:1.0', 10],
  ])('epoch of %s', (version, epoch) => {
    expect(parseEpoch(version)).toBe(epoch);
  });

  it.each([
    [undefined, { name: 'pkg', version: '1.0-1' }],
    ['src', { name: 'src', version: '1.0-1' }],
    ['src (0.9-2)', { name: 'src', version: '0.9-2' }],
    ['bad source field (', { name: 'pkg', version: '1.0-1' }],
  ])('Source %j', (field, expected) => {
    expect(parseSource(field, 'pkg', '1.0-1')).toEqual(expected);
  });
});
