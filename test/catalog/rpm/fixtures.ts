import type { RpmFixture } from '../helpers/rpm-writer.js';

/** Package records shaped like those of a UBI 9 image. */
export const PACKAGES: RpmFixture[] = [
  {
    name: 'bash',
    version: '5.1.8',
    release: '6.el9_1',
    arch: 'x86_64',
    license: 'GPLv3+',
    sourceRpm: 'bash-5.1.8-6.el9_1.src.rpm',
    files: ['/usr/bin/bash', '/usr/bin/sh', '/usr/share/doc/bash/README'],
  },
  {
    name: 'openssl-libs',
    version: '3.0.7',
    release: '27.el9',
    epoch: 1,
    arch: 'x86_64',
    license: 'ASL 2.0',
    sourceRpm: 'openssl-3.0.7-27.el9.src.rpm',
    files: ['/usr/lib64/libssl.so.3'],
  },
  { name: 'gpg-pubkey', version: 'fd431d51', release: '4ae0493b' },
];

export const EXPECTED = [
  {
    name: 'bash',
    version: '5.1.8-6.el9_1',
    type: 'rpm',
    arch: 'x86_64',
    licenses: ['GPLv3+'],
    source: { name: 'bash', version: '5.1.8-6.el9_1' },
    files: ['usr/bin/bash', 'usr/bin/sh', 'usr/share/doc/bash/README'],
  },
  {
    name: 'openssl-libs',
    version: '1:3.0.7-27.el9',
    epoch: 1,
    type: 'rpm',
    arch: 'x86_64',
    licenses: ['ASL 2.0'],
    source: { name: 'openssl', version: '3.0.7-27.el9' },
    files: ['usr/lib64/libssl.so.3'],
  },
];
