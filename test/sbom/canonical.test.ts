import { describe, expect, it } from 'vitest';
import type { Package } from '../../src/catalog/types.js';
import { compareText, packageRefs, stableUuid } from '../../src/sbom/canonical.js';

const pkg = (name: string, purl: string): Package => ({
  name,
  version: '1',
  type: 'npm',
  purl,
  licenses: [],
  locations: [],
});

describe('canonical', () => {
  const order: [string, string, number][] = [
    ['a', 'b', -1],
    ['B', 'a', -1],
    ['é', 'z', 1],
    ['x', 'x', 0],
  ];

  it.each(order)('compares %j with %j by code unit, not locale', (a, b, expected) => {
    expect(compareText(a, b)).toBe(expected);
  });

  it('gives packages that share a purl distinct, numbered refs', () => {
    const refs = packageRefs([pkg('a', 'pkg:npm/a@1'), pkg('a', 'pkg:npm/a@1'), pkg('b', '')]);

    expect(refs).toEqual(['pkg:npm/a@1#1', 'pkg:npm/a@1#2', 'drydock:npm/b@1#1']);
  });

  it('makes the same RFC 4122 shaped uuid for the same seed only', () => {
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(stableUuid('x')).not.toBe(stableUuid('y'));
    expect(stableUuid('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
