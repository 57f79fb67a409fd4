import { describe, expect, it } from 'vitest';
import { parseDpkgCopyright } from '../../../src/catalog/dpkg/parse-copyright.js';

const DEP5 = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: restic

Files: *
Copyright: 2014 Alexander Neumann
License: BSD-2-clause

Files: debian/*
Copyright: 2015 Someone
License: BSD-2-clause

Files: vendor/x/*
License: Apache-2.0 or MIT
 long license text follows here
 .
 and continues
`;

describe('parseDpkgCopyright', () => {
  it('collects the distinct short names of machine-readable License fields', () => {
    const value = parseDpkgCopyright(Buffer.from(DEP5), 'usr/share/doc/restic/copyright');
    expect(value.facts).toEqual([
      { package: 'restic', licenses: ['BSD-2-clause', 'Apache-2.0 or MIT'] },
    ]);
  });

  it('reads the common-licenses references of a free-form copyright file', () => {
    const text =
      'This is the Debian prepackaged version of the GNU C Library.\n\n' +
      'On Debian systems, the complete text of the GNU Library General Public License can\n' +
      "be found in `/usr/share/common-licenses/LGPL-2.1'.\n" +
      'See /usr/share/common-licenses/GPL-2. And /usr/share/common-licenses/LGPL-2.1 again.\n';
    const value = parseDpkgCopyright(Buffer.from(text), 'usr/share/doc/libc6/copyright');
    expect(value.facts).toEqual([{ package: 'libc6', licenses: ['LGPL-2.1', 'GPL-2'] }]);
  });

  it('declares nothing for a free-form file that names no license text', () => {
    const text = 'This package was debianized by someone.\n\nIt is free software.\n';
    expect(
      parseDpkgCopyright(Buffer.from(text), 'usr/share/doc/x/copyright').facts,
    ).toBeUndefined();
  });
});
