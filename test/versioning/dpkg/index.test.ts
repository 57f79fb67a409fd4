import { describe, expect, it } from 'vitest';
import { dpkg, parseDpkg } from '../../../src/versioning/dpkg/index.js';

const p = (s: string) => {
  const parsed = parseDpkg(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('dpkg versioning: relations', () => {
  const table: [string, string, string][] = [
    ['1.2-1', '>= 1.0, << 1.3', 'affected'],
    ['1.3', '>= 1.0, << 1.3', 'not-affected'],
    ['1.3~rc1', '<< 1.3', 'affected'],
    ['2:0.1', '>> 1:9', 'affected'],
    ['1.0', '= 1.0-0', 'affected'],
    ['1.0', '<= 0.9 || >= 2.0', 'not-affected'],
    ['1.0', '< 2.0', 'unknown'],
    ['1.0', '<< :bad', 'unknown'],
    ['1.0', '', 'unknown'],
  ];
  it.each(table)('%s in "%s" is %s', (version, range, kind) => {
    expect(dpkg.satisfies(p(version), range).kind).toBe(kind);
  });
});
