import { describe, expect, it } from 'vitest';
import { parseDpkgList, parseDpkgMd5sums } from '../../../src/catalog/dpkg/parse-file-list.js';

describe('parseDpkgList', () => {
  it('reads info/<name>.list as relative paths, dropping the root entry', () => {
    const text = '/.\n/usr\n/usr/bin\n/usr/bin/restic\n/usr/share/doc/restic/copyright\n';
    const value = parseDpkgList(Buffer.from(text), 'var/lib/dpkg/info/restic.list');
    expect(value.facts).toEqual([
      {
        package: 'restic',
        files: ['usr', 'usr/bin', 'usr/bin/restic', 'usr/share/doc/restic/copyright'],
      },
    ]);
  });

  it('takes the architecture from a multi-arch list name', () => {
    const value = parseDpkgList(
      Buffer.from('/lib/x86_64-linux-gnu/libc.so.6\n'),
      'var/lib/dpkg/info/libc6:amd64.list',
    );
    expect(value.facts?.[0]).toMatchObject({ package: 'libc6', arch: 'amd64' });
  });
});

describe('parseDpkgMd5sums', () => {
  it('reads distroless status.d md5sums and reports lines that are not md5 + path', () => {
    const [a, b] = ['a'.repeat(32), 'b'.repeat(32)];
    const text = `${a}  usr/bin/tool\n${b}  usr/share/doc/x\nnot a line\n`;
    const value = parseDpkgMd5sums(Buffer.from(text), 'var/lib/dpkg/status.d/tool.md5sums');
    expect(value.facts).toEqual([{ package: 'tool', files: ['usr/bin/tool', 'usr/share/doc/x'] }]);
    expect(value.problems).toHaveLength(1);
  });
});
