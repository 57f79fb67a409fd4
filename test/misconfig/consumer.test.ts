import { describe, expect, it } from 'vitest';
import type { FileContext } from '../../src/layer/types.js';
import { extractMisconfig } from '../../src/misconfig/consumer.js';

const file = (path: string): FileContext => ({
  entry: { path, type: 'file', size: 0, mode: 0o644, uid: 0, gid: 0, mtime: 0 },
  layer: { index: 0, diffId: 'sha256:0' },
});
const read = (path: string, text: string | Buffer) =>
  extractMisconfig(Buffer.isBuffer(text) ? text : Buffer.from(text), file(path));

describe('misconfigConsumer extract', () => {
  it('reads passwd entries and reports the lines it cannot read', () => {
    const value = read(
      'etc/passwd',
      'root:x:0:0:root:/root:/bin/bash\n+nis\nbroken line\napp:x:1000:1000::/app:\n',
    );
    expect(value).toEqual({
      kind: 'passwd',
      users: [
        { name: 'root', uid: 0, gid: 0, shell: '/bin/bash' },
        { name: 'app', uid: 1000, gid: 1000, shell: '' },
      ],
      problems: ['line 3: not a passwd entry'],
    });
  });

  it('lists installed dpkg packages only, from status and distroless status.d', () => {
    const status =
      'Package: a\nStatus: install ok installed\n\nPackage: b\nStatus: deinstall ok config-files\n';
    expect(read('var/lib/dpkg/status', status)).toMatchObject({ names: ['a'], manager: 'dpkg' });
    expect(read('var/lib/dpkg/status.d/base', 'Package: base-files\nVersion: 12\n')).toMatchObject({
      names: ['base-files'],
    });
  });

  it('lists apk packages', () => {
    expect(read('lib/apk/db/installed', 'C:Q1x\nP:musl\nV:1\n\nP:sudo\n')).toMatchObject({
      names: ['musl', 'sudo'],
      manager: 'apk',
    });
  });

  it('reads sshd options case-insensitively, first value winning', () => {
    expect(
      read('etc/ssh/sshd_config', 'permitrootlogin yes\nPermitRootLogin no\nPort=2222\n'),
    ).toEqual({
      kind: 'sshd',
      options: { permitrootlogin: 'yes', port: '2222' },
      problems: [],
    });
  });

  it('reports a binary file instead of reading it', () => {
    expect(read('etc/passwd', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]))).toEqual({
      kind: 'passwd',
      users: [],
      problems: ['not a text file'],
    });
  });

  it('returns values that survive the JSON round trip of the layer cache', () => {
    const values = [
      read('etc/passwd', 'root:x:0:0::/root:/bin/sh\n'),
      read('etc/sudoers', 'app ALL=(ALL) NOPASSWD: ALL\n'),
      read('lib/apk/db/installed', 'P:sudo\n'),
      read('etc/ssh/sshd_config', 'PermitRootLogin yes\n'),
    ];
    expect(JSON.parse(JSON.stringify(values))).toEqual(values);
  });

  it('caps the problems kept for a file of garbage', () => {
    const value = read('etc/passwd', 'garbage\n'.repeat(10_000));
    expect(value?.problems).toHaveLength(5);
  });
});
