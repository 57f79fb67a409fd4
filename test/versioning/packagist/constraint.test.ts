import { describe, expect, it } from 'vitest';
import { packagist } from '../../../src/versioning/packagist/index.js';

const _p = (s: string) => {
  const parsed = packagist.parse(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('packagist versioning: Composer constraints', () => {
  const table: [string, string, string][] = [
    ['2.3.4', '>=2.0.0,<2.3.5', 'affected'],
    ['2.3.5', '>=2.0.0,<2.3.5', 'not-affected'],
    ['2.3.5', '>=2.0.0 <2.3.5 || >=3.0,<3.1.2', 'not-affected'],
    ['3.1.0', '>=2.0.0 <2.3.5 || >=3.0,<3.1.2', 'affected'],
    ['1.2.9', '1.2.*', 'affected'],
    ['1.3.0', '1.2.*', 'not-affected'],
    ['1.9.0', '~1.2', 'affected'],
    ['2.0.0', '~1.2', 'not-affected'],
    ['1.2.9', '~1.2.3', 'affected'],
    ['1.3.0', '~1.2.3', 'not-affected'],
    ['0.3.9', '^0.3.1', 'affected'],
    ['0.4.0', '^0.3.1', 'not-affected'],
    ['1.5', '1.0 - 2.0', 'affected'],
    ['v1.0.1', '<1.0.2', 'affected'],
    ['1.0', '>=foo', 'unknown'],
    ['1.0', '@stable', 'unknown'],
  ];
  it.each(table)('%s in "%s" is %s', (version, range, kind) => {
    const parsed = packagist.parse(version);
    expect(parsed.ok && packagist.satisfies(parsed.value, range).kind).toBe(kind);
  });
});
