import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGem, rubygems } from '../../../src/versioning/rubygems/index.js';
import { assertOrderLaws } from '../properties.js';
import { cases } from '../vectors.js';

const p = (s: string) => {
  const parsed = parseGem(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('rubygems versioning: test_gem_version.rb', () => {
  it.each(cases('rubygems.tsv'))('orders %s', (_label, { a, b, expected }) => {
    expect(Math.sign(rubygems.compare(p(a!), p(b!)))).toBe(Number(expected));
  });
});

describe('rubygems versioning: hostile and malformed input', () => {
  it('rejects malformed versions and requirements', () => {
    expect(parseGem('1.0..1').ok).toBe(false);
    expect(parseGem('junk').ok).toBe(false);
    expect(rubygems.satisfies(p('1.0'), '>> 1.0').kind).toBe('unknown');
    expect(rubygems.satisfies(p('1.0'), '>= 1.0, ').kind).toBe('unknown');
  });

  it('keeps huge numbers exact and bumps them', () => {
    const big = '9'.repeat(30);
    expect(rubygems.compare(p(`${big}1`), p(`${big}0`))).toBe(1);
    expect(rubygems.satisfies(p(`${big}.5`), `~> ${big}.1`).kind).toBe('affected');
  });
});

describe('rubygems versioning: order properties', () => {
  const version = fc
    .array(fc.constantFrom('0', '1', '2', '10', 'a', 'b', 'rc', 'pre'), {
      minLength: 1,
      maxLength: 5,
    })
    .map((parts) => `1.${parts.join('.')}`);
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(version, p, rubygems.compare);
  });
});
