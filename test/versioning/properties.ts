import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * The order laws every comparator must keep on generated versions: reflexivity,
 * antisymmetry, transitivity of both `<=` and `==`. A cyclic or inconsistent comparator
 * fails the pairwise checks after sorting, whatever order sort() leaves.
 */
export function assertOrderLaws<V>(
  arbitrary: fc.Arbitrary<string>,
  parse: (s: string) => V,
  compare: (a: V, b: V) => number,
  numRuns = 300,
): void {
  fc.assert(
    fc.property(arbitrary, arbitrary, arbitrary, (sa, sb, sc) => {
      const [a, b, c] = [parse(sa), parse(sb), parse(sc)];
      expect(compare(a, a)).toBe(0);
      expect(Math.sign(compare(a, b)) + Math.sign(compare(b, a))).toBe(0);

      const [x, y, z] = [a, b, c].sort(compare) as [V, V, V];
      expect(compare(x, y)).toBeLessThanOrEqual(0);
      expect(compare(y, z)).toBeLessThanOrEqual(0);
      expect(compare(x, z)).toBeLessThanOrEqual(0);
      if (compare(x, y) === 0 && compare(y, z) === 0) expect(compare(x, z)).toBe(0);
    }),
    { numRuns },
  );
}

/** A string made of pieces drawn from `alphabet`, between `min` and `max` pieces long. */
export function joined(alphabet: string[], min: number, max: number): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max })
    .map((parts) => parts.join(''));
}
