import { describe, expect, it } from 'vitest';
import type { FoundPackage } from '../../src/catalog/cataloger.js';
import { purlFor } from '../../src/catalog/purl.js';
import type { Distro } from '../../src/catalog/types.js';

const DEBIAN: Distro = { id: 'debian', versionId: '12', codename: 'bookworm' };
const UBI: Distro = { id: 'rhel', versionId: '9.3' };
const ALPINE: Distro = { id: 'alpine', versionId: '3.19.1' };

const pkg = (p: Partial<FoundPackage> & Pick<FoundPackage, 'type' | 'name' | 'version'>) =>
  ({ licenses: [], ...p }) as FoundPackage;

describe('purlFor', () => {
  it.each([
    [
      pkg({ type: 'deb', name: 'bash', version: '5.2.15-2+b2', arch: 'amd64' }),
      DEBIAN,
      'pkg:deb/debian/bash@5.2.15-2+b2?arch=amd64&distro=debian-12',
    ],
    [
      pkg({ type: 'deb', name: 'perl-base', version: '1:5.36.0-7', epoch: 1, arch: 'amd64' }),
      DEBIAN,
      'pkg:deb/debian/perl-base@1:5.36.0-7?arch=amd64&distro=debian-12',
    ],
    [
      pkg({
        type: 'rpm',
        name: 'openssl-libs',
        version: '1:3.0.7-27.el9',
        epoch: 1,
        arch: 'x86_64',
      }),
      UBI,
      'pkg:rpm/rhel/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rhel-9.3&epoch=1',
    ],
    [
      pkg({ type: 'apk', name: 'musl', version: '1.2.4-r4', arch: 'x86_64' }),
      ALPINE,
      'pkg:apk/alpine/musl@1.2.4-r4?arch=x86_64&distro=alpine-3.19.1',
    ],
    [
      pkg({ type: 'deb', name: 'tzdata', version: '2024a-0', arch: 'all' }),
      undefined,
      'pkg:deb/debian/tzdata@2024a-0?arch=all',
    ],
    [
      pkg({ type: 'npm', name: '@babel/core', version: '7.23.0' }),
      DEBIAN,
      'pkg:npm/%40babel/core@7.23.0',
    ],
    [pkg({ type: 'pypi', name: 'Jinja2', version: '3.1.2' }), undefined, 'pkg:pypi/jinja2@3.1.2'],
    [
      pkg({
        type: 'maven',
        name: 'jackson-databind',
        version: '2.14.0',
        metadata: { groupId: 'com.fasterxml.jackson.core' },
      }),
      undefined,
      'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.14.0',
    ],
    [
      pkg({ type: 'golang', name: 'github.com/cenkalti/backoff/v4', version: 'v4.1.3' }),
      undefined,
      'pkg:golang/github.com/cenkalti/backoff/v4@v4.1.3',
    ],
    [
      pkg({ type: 'golang', name: 'github.com/restic/restic', version: '(devel)' }),
      undefined,
      'pkg:golang/github.com/restic/restic',
    ],
    [
      pkg({ type: 'composer', name: 'monolog/monolog', version: '3.5.0' }),
      undefined,
      'pkg:composer/monolog/monolog@3.5.0',
    ],
    [pkg({ type: 'gem', name: 'rack', version: '2.2.6.4' }), undefined, 'pkg:gem/rack@2.2.6.4'],
    [pkg({ type: 'cargo', name: 'regex', version: '1.10.2' }), undefined, 'pkg:cargo/regex@1.10.2'],
    [
      pkg({ type: 'nuget', name: 'Newtonsoft.Json', version: '13.0.3' }),
      undefined,
      'pkg:nuget/Newtonsoft.Json@13.0.3',
    ],
  ])('%j in %j', (found, distro, purl) => {
    expect(purlFor(found, distro)).toBe(purl);
  });

  it('names a distro without a version (Debian testing) by its id', () => {
    const found = pkg({ type: 'deb', name: 'a', version: '1' });
    expect(purlFor(found, { id: 'debian', codename: 'trixie' })).toBe(
      'pkg:deb/debian/a@1?distro=debian',
    );
  });

  it.each([
    [
      { name: 'libc6', version: '2.36-9', source: { name: 'glibc', version: '2.36-9' } },
      'upstream=glibc',
    ],
    [
      {
        name: 'libgcrypt20',
        version: '1.10.1-3+b1',
        source: { name: 'libgcrypt20', version: '1.10.1-3' },
      },
      'upstream=libgcrypt20%401.10.1-3',
    ],
    [
      { name: 'perl-base', version: '1:5.36.0-7', source: { name: 'perl', version: '5.36.0-7' } },
      'upstream=perl',
    ],
    [{ name: 'bash', version: '5.2-1', source: { name: 'bash', version: '5.2-1' } }, undefined],
  ])('writes the source package as upstream: %j', (fields, qualifier) => {
    const purl = purlFor(pkg({ type: 'deb', ...fields }), DEBIAN);
    if (qualifier) expect(purl).toContain(qualifier);
    else expect(purl).not.toContain('upstream=');
  });
});

describe('purlFor on hostile input', () => {
  it('gives a maven archive without a group its artifact name as namespace', () => {
    const found = pkg({ type: 'maven', name: 'commons-io', version: '2.11.0' });
    expect(purlFor(found)).toBe('pkg:maven/commons-io/commons-io@2.11.0');
  });

  it('falls back to percent-encoded parts when the purl library refuses a name', () => {
    const found = pkg({ type: 'golang', name: 'github.com/a//b', version: 'v1' });
    expect(purlFor(found)).toBe('pkg:golang/github.com%2Fa%2F/b@v1');
    expect(purlFor(pkg({ type: 'pypi', name: '', version: '1' }))).toBe('pkg:pypi/@1');
  });
});
