import { describe, expect, it } from 'vitest';
import {
  parseLsbRelease,
  parseOsRelease,
} from '../../../src/catalog/os-release/parse-os-release.js';

const DEBIAN_12 = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
`;

describe('parseOsRelease', () => {
  it('reads id, version, codename and pretty name from Debian 12', () => {
    const { distro, problems } = parseOsRelease(Buffer.from(DEBIAN_12), 'etc/os-release');
    expect(problems).toEqual([]);
    expect(distro).toEqual({
      id: 'debian',
      versionId: '12',
      codename: 'bookworm',
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
    });
  });

  it('splits ID_LIKE, lower-cases ID and unescapes double quotes', () => {
    const text = 'ID="Rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\nNAME="a \\"b\\""\n';
    const { distro } = parseOsRelease(Buffer.from(text), 'etc/os-release');
    expect(distro).toEqual({ id: 'rocky', versionId: '9.3', idLike: ['rhel', 'centos', 'fedora'] });
  });

  it('takes the codename from VERSION when VERSION_CODENAME is missing', () => {
    const text = 'ID=debian\nVERSION_ID="9"\nVERSION="9 (stretch)"\n';
    expect(parseOsRelease(Buffer.from(text), 'etc/os-release').distro?.codename).toBe('stretch');
  });

  it('reports a file without ID instead of guessing', () => {
    const value = parseOsRelease(Buffer.from('NAME=whatever\n'), 'etc/os-release');
    expect(value.distro).toBeUndefined();
    expect(value.problems).toEqual([
      { path: 'etc/os-release', message: 'os-release has no ID field' },
    ]);
  });

  it('ignores binary garbage and comments without throwing', () => {
    const garbage = Buffer.concat([
      Buffer.from([0, 255, 254, 10]),
      Buffer.from('# c\nID=alpine\n'),
    ]);
    expect(parseOsRelease(garbage, 'etc/os-release').distro).toEqual({ id: 'alpine' });
  });
});

describe('parseLsbRelease', () => {
  it('reads Ubuntu lsb-release', () => {
    const text = 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\n';
    expect(parseLsbRelease(Buffer.from(text), 'etc/lsb-release').distro).toEqual({
      id: 'ubuntu',
      versionId: '22.04',
      codename: 'jammy',
    });
  });
});
