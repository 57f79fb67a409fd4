import { describe, expect, it } from 'vitest';
import { buildPurl, parseDistroQualifier, parsePurl } from '../../src/sbom/purl.js';

describe('purl: distro qualifier', () => {
  const cases: [string, string | undefined, object | undefined][] = [
    ['debian-12', 'debian', { id: 'debian', versionId: '12' }],
    ['ubuntu-22.04', 'ubuntu', { id: 'ubuntu', versionId: '22.04' }],
    ['opensuse-leap-15.5', 'opensuse', { id: 'opensuse-leap', versionId: '15.5' }],
    ['rhel-9.3', 'redhat', { id: 'rhel', versionId: '9.3' }],
    ['3.19.1', 'alpine', { id: 'alpine', versionId: '3.19.1' }],
    ['bookworm', 'debian', { id: 'debian', codename: 'bookworm' }],
    ['Wolfi', undefined, { id: 'wolfi' }],
    ['', 'debian', undefined],
  ];

  it.each(cases)('reads distro=%s (namespace %s)', (value, namespace, expected) => {
    expect(parseDistroQualifier(value, namespace)).toEqual(expected);
  });
});

describe('purl: parsePurl', () => {
  it('reads arch, epoch, distro and upstream from a deb purl', () => {
    const facts = parsePurl(
      'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12&epoch=1&upstream=glibc',
    );

    expect(facts).toEqual({
      rawType: 'deb',
      type: 'deb',
      namespace: 'debian',
      name: 'libc6',
      version: '2.36-9+deb12u4',
      arch: 'amd64',
      epoch: 1,
      distro: { id: 'debian', versionId: '12' },
      upstream: { name: 'glibc' },
    });
  });

  const upstream: [string, object][] = [
    ['glibc%402.36-9', { name: 'glibc', version: '2.36-9' }],
    ['bash-5.1.8-6.el9.src.rpm', { name: 'bash', version: '5.1.8-6.el9' }],
  ];

  it.each(upstream)('reads upstream=%s', (value, expected) => {
    expect(parsePurl(`pkg:rpm/redhat/x@1?upstream=${value}`)).toMatchObject({ upstream: expected });
  });

  it('keeps the raw type of an ecosystem drydock does not model', () => {
    const facts = parsePurl('pkg:hex/phoenix@1.7.0');

    expect(facts).toMatchObject({ rawType: 'hex', name: 'phoenix' });
    expect(facts).not.toHaveProperty('type');
  });

  const invalid = ['', 'npm/x@1', 'pkg:', 'pkg:/x', `pkg:npm/${'%'.repeat(3)}`];

  it.each(invalid)('reports %j as invalid without throwing', (purl) => {
    expect(parsePurl(purl)).toHaveProperty('error');
  });

  it('ignores an epoch that is not a number', () => {
    expect(parsePurl('pkg:rpm/fedora/x@1?epoch=abc')).not.toHaveProperty('epoch');
  });
});

describe('purl: buildPurl', () => {
  const cases: [Parameters<typeof buildPurl>, string][] = [
    [
      ['deb', 'bash', '5.2-1', { id: 'debian', versionId: '12' }],
      'pkg:deb/debian/bash@5.2-1?distro=debian-12',
    ],
    [['apk', 'musl', '1.2', undefined], 'pkg:apk/apk/musl@1.2'],
    [['npm', '@babel/core', '7.0.0', undefined], 'pkg:npm/%40babel/core@7.0.0'],
    [['golang', 'github.com/a/b', 'v1.0.0', undefined], 'pkg:golang/github.com/a/b@v1.0.0'],
    [['pypi', 'requests', '', undefined], 'pkg:pypi/requests'],
  ];

  it.each(cases)('builds %j', (args, expected) => {
    expect(buildPurl(...args)).toBe(expected);
  });
});
