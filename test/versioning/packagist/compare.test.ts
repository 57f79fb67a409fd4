import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packagist } from '../../../src/versioning/packagist/index.js';
import { assertOrderLaws } from '../properties.js';
import { cases } from '../vectors.js';

const p = (s: string) => {
  const parsed = packagist.parse(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('packagist versioning: php version_compare tests', () => {
  // The file is osv.dev's copy of php-src's tests, run through osv.dev's Packagist
  // ordering, which drops a leading `v`: so does packagist.parse.
  it.each(cases('packagist-php-version_compare.tsv'))('orders %s', (_label, { a, b, expected }) => {
    expect(Math.sign(packagist.compare(p(a!), p(b!)))).toBe(Number(expected));
  });
});

describe('packagist versioning: order properties', () => {
  const version = fc
    .array(fc.constantFrom('1', '0', '10', '.', '-', 'dev', 'alpha', 'b', 'RC', 'pl', 'p1'), {
      minLength: 1,
      maxLength: 6,
    })
    .map((parts) => `1.${parts.join('')}`);
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(version, p, packagist.compare);
  });
});
