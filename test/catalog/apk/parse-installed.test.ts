import { describe, expect, it } from 'vitest';
import { parseApkInstalled } from '../../../src/catalog/apk/parse-installed.js';

/** As apk-tools writes lib/apk/db/installed on Alpine 3.19. */
const INSTALLED = `C:Q1Jm0Y4ZX3Zf0d3Xn6t1nq5Z8rCfM=
P:musl
V:1.2.4_git20230717-r4
A:x86_64
S:407278
I:667648
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Natanael Copa <ncopa@alpinelinux.org>
t:1705329412
c:f93af038c3e3e3a3a8c1d0b3b1e3a8c1d0b3b1e3
F:lib
R:ld-musl-x86_64.so.1
a:0:0:755
Z:Q1rCvTq3mJkEHCv2sHYfw0r0fYAvI=
R:libc.musl-x86_64.so.1

C:Q1abc=
P:libcrypto3
V:3.1.4-r5
A:x86_64
L:Apache-2.0
o:openssl
F:usr
F:usr/lib
R:libcrypto.so.3
F:etc/ssl
R:openssl.cnf.dist
`;

describe('parseApkInstalled', () => {
  const { packages, problems } = parseApkInstalled(Buffer.from(INSTALLED), 'lib/apk/db/installed');

  it('reads name, version, arch, license and origin of each record', () => {
    expect(problems).toEqual([]);
    expect(packages.map(({ files, ...rest }) => rest)).toEqual([
      {
        name: 'musl',
        version: '1.2.4_git20230717-r4',
        type: 'apk',
        arch: 'x86_64',
        licenses: ['MIT'],
        source: { name: 'musl', version: '1.2.4_git20230717-r4' },
      },
      {
        name: 'libcrypto3',
        version: '3.1.4-r5',
        type: 'apk',
        arch: 'x86_64',
        licenses: ['Apache-2.0'],
        source: { name: 'openssl', version: '3.1.4-r5' },
      },
    ]);
  });

  it('joins each R file to the F folder before it', () => {
    expect(packages[0]?.files).toEqual(['lib/ld-musl-x86_64.so.1', 'lib/libc.musl-x86_64.so.1']);
    expect(packages[1]?.files).toEqual(['usr/lib/libcrypto.so.3', 'etc/ssl/openssl.cnf.dist']);
  });

  it('reports a record without P or V and keeps the next one', () => {
    const text = 'V:1.0\nA:x86_64\n\nP:ok\nV:2.0\n';
    const value = parseApkInstalled(Buffer.from(text), 'lib/apk/db/installed');
    expect(value.packages.map((p) => p.name)).toEqual(['ok']);
    expect(value.problems[0]?.message).toBe(
      'record at line 1 lacks a package name (P) or version (V)',
    );
  });

  it('reports lines that are not key:value, including a truncated last record', () => {
    const text = 'P:a\nV:1\ngarbage line\n\nP:b\nV';
    const value = parseApkInstalled(Buffer.from(text), 'db');
    expect(value.packages.map((p) => p.name)).toEqual(['a']);
    expect(value.problems).toHaveLength(3);
  });
});
