import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maven, parseMaven } from '../../../src/versioning/maven/index.js';
import { assertOrderLaws } from '../properties.js';
import { cases } from '../vectors.js';

const p = (s: string) => {
  const parsed = parseMaven(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('maven versioning: ComparableVersionTest', () => {
  it.each(cases('maven.tsv'))('orders %s', (_label, { a, b, expected }) => {
    expect(Math.sign(maven.compare(p(a!), p(b!)))).toBe(Number(expected));
  });
});

describe('maven versioning: order properties', () => {
  // Versions as published: a numeric core and at most one conventional suffix.
  const suffix = fc.constantFrom(
    ...['', '-SNAPSHOT', '-alpha-1', '-alpha2', '-rc2', '-RC', '.RELEASE', '.Final', '-sp1'],
    ...['-beta.2', '-1', '-20190126.230843-1', '-jre', '-M3'],
  );
  const version = fc
    .tuple(fc.array(fc.nat(10), { minLength: 1, maxLength: 4 }), suffix)
    .map(([core, s]) => `${core.join('.')}${s}`);
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(version, p, maven.compare);
  });

  // ComparableVersion ranks any sub-list above any bare qualifier, so a qualifier in the
  // middle (`1.sp.0`) or an empty component (`1--a1`) can close a cycle. drydock follows
  // Maven, cycles included, rather than invent an order Maven does not have.
  it.each([
    ['1.', '1sp', '1--a1'],
    ['1', '1.sp.0', '1.rc2'],
  ])('reproduces the cycle Maven makes of %s, %s, %s', (x, y, z) => {
    const [a, b, c] = [p(x), p(y), p(z)];
    const cycle = [maven.compare(a, b), maven.compare(b, c), maven.compare(c, a)];
    expect(cycle.every((r) => r === cycle[0] && r !== 0)).toBe(true);
  });
});
