import { describe, expect, it } from 'vitest';
import { friendsOfPhpParser } from '../../../src/vulndb/feeds/friendsofphp.js';
import { readYaml } from '../../../src/vulndb/feeds/yaml-doc.js';

describe('readYaml', () => {
  it('keeps versions as the strings the feed wrote', () => {
    expect(readYaml('versions: [1.10, 2.0]\nfixed: ~\n')).toEqual({
      ok: true,
      value: { versions: ['1.10', '2.0'], fixed: null },
    });
  });

  it('turns an alias bomb into a reason', () => {
    const bomb = [
      'a: &a [x, x]',
      ...Array.from(
        { length: 12 },
        (_, i) => `b${i}: &b${i} [*${i ? `b${i - 1}` : 'a'}, *${i ? `b${i - 1}` : 'a'}]`,
      ),
    ].join('\n');
    const read = readYaml(bomb);
    expect(read.ok).toBe(false);
  });
});

describe('parseYamlRecord through a one-advisory-per-file feed', () => {
  it.each([
    ['broken YAML', 'title: [unclosed', /^invalid yaml/],
    ['a record of the wrong shape', 'title: only a title\n', /./],
  ])('reports %s as one problem naming the file and keeps going', (_, text, reason) => {
    const out = friendsOfPhpParser.parse({ path: 'vendor/pkg/CVE-1.yaml', text });
    expect(out.advisories).toEqual([]);
    expect(out.problems).toEqual([
      expect.objectContaining({
        path: 'vendor/pkg/CVE-1.yaml',
        reason: expect.stringMatching(reason),
      }),
    ]);
  });
});
