import { describe, expect, it } from 'vitest';
import {
  parseAlpineRelease,
  parseDebianVersion,
  parseRedhatRelease,
} from '../../../src/catalog/os-release/parse-release-file.js';

describe('release file fallbacks', () => {
  it.each([
    ['12.5\n', { id: 'debian', versionId: '12' }],
    ['bookworm/sid\n', { id: 'debian', codename: 'bookworm' }],
  ])('debian_version %j', (text, distro) => {
    expect(parseDebianVersion(Buffer.from(text), 'etc/debian_version').distro).toEqual(distro);
  });

  it('alpine-release holds the full version', () => {
    const { distro } = parseAlpineRelease(Buffer.from('3.19.1\n'), 'etc/alpine-release');
    expect(distro).toEqual({ id: 'alpine', versionId: '3.19.1' });
  });

  it.each([
    ['Red Hat Enterprise Linux release 8.9 (Ootpa)', 'rhel', '8.9'],
    ['CentOS Linux release 7.9.2009 (Core)', 'centos', '7.9.2009'],
    ['Rocky Linux release 9.3 (Blue Onyx)', 'rocky', '9.3'],
    ['AlmaLinux release 9.3 (Shamrock Pampas Cat)', 'almalinux', '9.3'],
  ])('redhat-release %j', (text, id, versionId) => {
    const { distro } = parseRedhatRelease(Buffer.from(`${text}\n`), 'etc/redhat-release');
    expect(distro).toMatchObject({ id, versionId });
  });

  it('reports files it cannot read as problems', () => {
    expect(parseDebianVersion(Buffer.from(''), 'etc/debian_version').problems).toHaveLength(1);
    expect(parseAlpineRelease(Buffer.from('edge?'), 'etc/alpine-release').problems).toHaveLength(1);
    expect(parseRedhatRelease(Buffer.from('Hello'), 'etc/redhat-release').problems).toHaveLength(1);
  });
});
