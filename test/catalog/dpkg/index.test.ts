import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { dpkgCataloger } from '../../../src/catalog/dpkg/index.js';
import { extractFile } from '../helpers/consumer.js';

describe('dpkg cataloger', () => {
  const matches = picomatch(dpkgCataloger.consumer.patterns, { dot: true });

  it.each([
    ['var/lib/dpkg/status', true],
    ['var/lib/dpkg/status.d/base', true],
    ['var/lib/dpkg/info/bash.list', true],
    ['usr/share/doc/bash/copyright', true],
    ['var/lib/dpkg/status-old', false],
    ['var/lib/dpkg/info/bash.md5sums', false],
  ])('wants %s: %s', (path, wanted) => {
    expect(matches(path)).toBe(wanted);
  });

  it('routes each path to its parser', async () => {
    const list = await extractFile(
      dpkgCataloger.consumer,
      'var/lib/dpkg/info/a.list',
      '/usr/bin/a\n',
    );
    expect(list?.facts).toEqual([{ package: 'a', files: ['usr/bin/a'] }]);

    const md5 = `${'c'.repeat(32)}  usr/bin/b\n`;
    const sums = await extractFile(dpkgCataloger.consumer, 'var/lib/dpkg/status.d/b.md5sums', md5);
    expect(sums?.facts).toEqual([{ package: 'b', files: ['usr/bin/b'] }]);

    const status = await extractFile(
      dpkgCataloger.consumer,
      'var/lib/dpkg/status.d/b',
      'Package: b\nVersion: 1\n',
    );
    expect(status?.packages.map((p) => p.name)).toEqual(['b']);
  });
});
