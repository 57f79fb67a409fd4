import { describe, expect, it } from 'vitest';
import { KeywordPrefilter } from '../../src/secret/prefilter.js';
import type { SecretRule } from '../../src/secret/types.js';

const rule = (id: string, keywords: string[]): SecretRule => ({
  id,
  title: id,
  category: 'generic',
  severity: 'low',
  keywords,
  pattern: /x/g,
});
const rules = [rule('a', ['ghp_']), rule('b', ['hp_x', 'token']), rule('c', ['she', 'hers'])];
const pf = new KeywordPrefilter(rules, 8);
const ids = (text: string) =>
  pf
    .scan(Buffer.from(text))
    .rules.map((r) => r.id)
    .sort();

describe('KeywordPrefilter', () => {
  const table: [string, string[]][] = [
    ['nothing here', []],
    ['GHP_ upper case', ['a']],
    ['ghp_x overlapping keywords', ['a', 'b']],
    ['ushers: a keyword inside another', ['c']],
    ['To', []],
    ['TOKEN at the end: token', ['b']],
  ];

  it.each(table)('on %j selects %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('reports base64 runs with their padding and ignores short ones', () => {
    const { base64Runs } = pf.scan(Buffer.from('ab QUJDREVGR0g= xy abc/+AAAAAAA'));
    expect(base64Runs).toEqual([
      [3, 15],
      [19, 31],
    ]);
  });

  it('costs one pass on a long hostile run of keyword prefixes', () => {
    const hostile = Buffer.from('gh'.repeat(500_000));
    expect(pf.scan(hostile).rules).toEqual([]);
  });
});
