import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsPep440,
  formatPep440,
  parsePep440,
  pep440,
} from '../../../src/versioning/pep440/index.js';
import { assertOrderLaws } from '../properties.js';
import { cases } from '../vectors.js';

const p = (s: string) => {
  const parsed = parsePep440(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('pep440 versioning: pypa/packaging tests', () => {
  it('orders every pair of the ascending VERSIONS list', () => {
    // 8,464 pairs: one test keeps the report readable; the message names the pair.
    for (const [label, { a, b, expected }] of cases('pep440.tsv')) {
      expect(Math.sign(pep440.compare(p(a!), p(b!))), `${label} ${a} vs ${b}`).toBe(
        Number(expected),
      );
    }
  });

  it.each(cases('pep440-invalid.tsv'))('rejects %s', (_label, { version }) => {
    expect(parsePep440(version!).ok).toBe(false);
  });

  it.each(cases('pep440-normalize.tsv'))('normalises %s', (_label, { input, normalized }) => {
    expect(formatPep440(p(input!))).toBe(normalized);
  });

  it.each(cases('pep440-specifier.tsv'))('specifier %s', (_label, { version, range, expected }) => {
    const result = containsPep440(range!, parsePep440(version!), version!, true);
    expect(result.kind).toBe(expected === 'true' ? 'affected' : 'not-affected');
  });

  it.each(cases('pep440-specifier-default.tsv'))('default %s', (_label, row) => {
    const result = containsPep440(row.range!, parsePep440(row.version!), row.version!);
    expect(result.kind).toBe(row.expected === 'true' ? 'affected' : 'not-affected');
  });
});

describe('pep440 versioning: order properties', () => {
  const version = fc
    .tuple(
      fc.constantFrom('', '1!'),
      fc.constantFrom('1', '1.0', '1.0.0', '2', '1.1'),
      fc.constantFrom('', 'a1', 'b2', 'rc1', 'a0'),
      fc.constantFrom('', '.post1', '.post0'),
      fc.constantFrom('', '.dev0', '.dev3'),
      fc.constantFrom('', '+local', '+1', '+abc.5'),
    )
    .map((parts) => parts.join(''));
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(version, p, pep440.compare);
  });
});
