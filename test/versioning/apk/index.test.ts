import { describe, expect, it } from 'vitest';
import { apk, parseApk } from '../../../src/versioning/apk/index.js';

const p = (s: string) => {
  const parsed = parseApk(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('apk versioning: ranges', () => {
  const table: [string, string, string][] = [
    ['1.2.3-r0', '<1.2.3-r1', 'affected'],
    ['1.2.3-r1', '<1.2.3-r1', 'not-affected'],
    ['3.6.9', '~3.6', 'affected'],
    ['3.7.0', '~3.6', 'not-affected'],
    ['3.6.1', '>=3.0 <3.6.2 || ~4', 'affected'],
    ['3.6.1', '=>3.0', 'unknown'],
    ['3.6.1', '<', 'unknown'],
  ];
  it.each(table)('%s in "%s" is %s', (version, range, kind) => {
    expect(apk.satisfies(p(version), range).kind).toBe(kind);
  });

  it('does not accept a version that starts with no digit', () => {
    expect(parseApk('r1').ok).toBe(false);
    expect(parseApk('').ok).toBe(false);
  });

  it('compares digit runs longer than 64 bits exactly', () => {
    expect(apk.compare(p('1.99999999999999999999999'), p('1.99999999999999999999998'))).toBe(1);
  });
});
