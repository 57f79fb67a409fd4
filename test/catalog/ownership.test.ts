import { describe, expect, it } from 'vitest';
import { applyDpkgFacts, markOwnedPackages } from '../../src/catalog/ownership.js';
import type { Package } from '../../src/catalog/types.js';

const pkg = (fields: Partial<Package> & Pick<Package, 'name' | 'type'>): Package => ({
  version: '1',
  purl: '',
  licenses: [],
  locations: [],
  ...fields,
});

describe('markOwnedPackages', () => {
  it('matches a /usr-merged path to a file dpkg lists under /lib', () => {
    const deb = pkg({ name: 'libfoo-java', type: 'deb', files: ['lib/java/foo.jar'] });
    const jar = pkg({ name: 'foo', type: 'maven', locations: [{ path: 'usr/lib/java/foo.jar' }] });
    markOwnedPackages([deb, jar]);
    expect(jar.ownedBy).toEqual({ type: 'deb', name: 'libfoo-java', version: '1' });
  });

  it('leaves packages whose files no OS package lists unowned, and OS packages alone', () => {
    const apk = pkg({ name: 'py3-six', type: 'apk', files: ['usr/lib/python3.11/six.py'] });
    const six = pkg({ name: 'six', type: 'pypi', locations: [{ path: 'opt/venv/six/METADATA' }] });
    markOwnedPackages([apk, six]);
    expect(six.ownedBy).toBeUndefined();
    expect(apk.ownedBy).toBeUndefined();
  });
});

describe('applyDpkgFacts', () => {
  it('joins file lists by name and architecture, and licenses by name', () => {
    const amd = pkg({ name: 'libc6', type: 'deb', arch: 'amd64' });
    const i386 = pkg({ name: 'libc6', type: 'deb', arch: 'i386' });
    const facts = [
      { package: 'libc6', arch: 'amd64', files: ['lib/x86_64-linux-gnu/libc.so.6'] },
      { package: 'libc6', arch: 'i386', files: ['lib/i386-linux-gnu/libc.so.6'] },
      { package: 'libc6', licenses: ['LGPL-2.1+'] },
    ];
    applyDpkgFacts(
      [amd, i386],
      [{ path: 'x', layer: 0, value: { packages: [], problems: [], facts } }],
    );
    expect(amd.files).toEqual(['lib/x86_64-linux-gnu/libc.so.6']);
    expect(i386.files).toEqual(['lib/i386-linux-gnu/libc.so.6']);
    expect([amd.licenses, i386.licenses]).toEqual([['LGPL-2.1+'], ['LGPL-2.1+']]);
  });
});
