import { describe, expect, it } from 'vitest';
import type { FileContext } from '../../src/layer/types.js';
import {
  copyrightConsumer,
  copyrightOwner,
  parseCopyright,
} from '../../src/license/dpkg-copyright.js';

const DEP5 = [
  'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
  'Upstream-Name: demo',
  '',
  'Files: *',
  'Copyright: 2020 Someone',
  'License: GPL-2+',
  '',
  'Files: lib/*',
  'Copyright: 2021 Else',
  'License: LGPL-2.1+ or MPL-1.1',
  '',
  'Files: debian/*',
  'License: GPL-2+',
  '',
  'License: GPL-2+',
  ' This program is free software; you can redistribute it.',
  '',
  'License: Unused-Standalone',
  ' Text of a license no Files paragraph names.',
  '',
].join('\n');

function fileContext(path: string): FileContext {
  return {
    entry: { path, type: 'file', size: 0, mode: 0o644, uid: 0, gid: 0, mtime: 0 },
    layer: { index: 0, diffId: 'sha256:00' },
  };
}

describe('license parseCopyright: machine-readable files', () => {
  it('reads the License of each Files paragraph once, in order, and the main one', () => {
    expect(parseCopyright(DEP5, 'demo')).toEqual({
      package: 'demo',
      format: 'dep5',
      declarations: ['GPL-2+', 'LGPL-2.1+ or MPL-1.1'],
      main: 'GPL-2+',
    });
  });

  it('takes the header License as the main license and accepts the old DEP-5 Format URL', () => {
    const text = [
      'Format: http://dep.debian.net/deps/dep5',
      'License: Expat',
      '',
      'Files: src/*',
      'License: BSD-3-clause',
    ].join('\n');

    expect(parseCopyright(text, 'x')).toMatchObject({
      format: 'dep5',
      declarations: ['Expat', 'BSD-3-clause'],
      main: 'Expat',
    });
  });

  it('reads a file with CRLF line ends', () => {
    const result = parseCopyright(DEP5.replace(/\n/g, '\r\n'), 'demo');
    expect(result.declarations).toEqual(['GPL-2+', 'LGPL-2.1+ or MPL-1.1']);
  });
});

describe('license parseCopyright: free-form files', () => {
  it('reads common-licenses paths, with + when the grant allows any later version', () => {
    const text = [
      'This is the Debian package of demo.',
      '',
      'You can redistribute it under the terms of the GNU Lesser General Public',
      'License; either version 2.1 of the License, or (at your option) any later version.',
      '',
      'On Debian systems the license is in `/usr/share/common-licenses/LGPL-2.1`.',
      '',
      'The tools are under version 2 of the GNU General Public License only, found in',
      '/usr/share/common-licenses/GPL-2.',
    ].join('\n');

    expect(parseCopyright(text, 'demo')).toEqual({
      package: 'demo',
      format: 'free-form',
      declarations: ['LGPL-2.1+', 'GPL-2'],
    });
  });

  it('reads a pasted Python license by its title', () => {
    const text = 'Python\n\nPYTHON SOFTWARE FOUNDATION LICENSE VERSION 2\n---\n1. This LICENSE ...';
    expect(parseCopyright(text, 'python3.11').declarations).toEqual(['PSF-2.0']);
  });

  it('treats a Format field that is not in the first paragraph as free-form', () => {
    const format = 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/';
    const text = `Some prose first.\n\n${format}\nLicense: MIT\n`;
    expect(parseCopyright(text, 'x')).toMatchObject({ format: 'free-form', declarations: [] });
  });

  it('finds no license in prose that names none', () => {
    expect(
      parseCopyright('Copyright 1999 Someone. All rights reserved.', 'x').declarations,
    ).toEqual([]);
  });
});

describe('license parseCopyright: hostile input', () => {
  it('reads empty, binary and huge files without throwing', () => {
    expect(parseCopyright('', 'x')).toEqual({
      package: 'x',
      format: 'free-form',
      declarations: [],
    });
    expect(parseCopyright('\u0000\uffff\u0001'.repeat(1000), 'x').declarations).toEqual([]);

    const manyPaths = '/usr/share/common-licenses/GPL-2 '.repeat(20_000);
    expect(parseCopyright(manyPaths, 'x').declarations).toEqual(['GPL-2']);
  });

  it('does not take a path-like package name from outside usr/share/doc', () => {
    expect(copyrightOwner('usr/share/doc/bash/copyright')).toBe('bash');
    expect(copyrightOwner('usr/share/doc/libstdc++6/copyright')).toBe('libstdc++6');
    expect(copyrightOwner('usr/share/doc/../copyright')).toBeUndefined();
    expect(copyrightOwner('usr/share/doc/./copyright')).toBeUndefined();
    expect(copyrightOwner('usr/share/doc/a/b/copyright')).toBeUndefined();
    expect(copyrightOwner('etc/copyright')).toBeUndefined();
  });
});

describe('license copyrightConsumer', () => {
  it('wants the copyright files and extracts their declarations', async () => {
    expect(copyrightConsumer.patterns).toEqual(['usr/share/doc/*/copyright']);

    const value = await copyrightConsumer.extract(
      Buffer.from(`\ufeff${DEP5}`),
      fileContext('usr/share/doc/demo/copyright'),
    );
    expect(value).toMatchObject({ package: 'demo', format: 'dep5', main: 'GPL-2+' });
  });

  it('ignores a path that is not a package copyright file', async () => {
    const value = await copyrightConsumer.extract(Buffer.from(DEP5), fileContext('copyright'));
    expect(value).toBeUndefined();
  });
});
