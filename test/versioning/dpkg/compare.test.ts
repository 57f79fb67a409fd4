import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dpkg, parseDpkg } from '../../../src/versioning/dpkg/index.js';
import { assertOrderLaws, joined } from '../properties.js';
import { cases } from '../vectors.js';

const p = (s: string) => {
  const parsed = parseDpkg(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('dpkg compare: upstream vectors', () => {
  it.each(cases('dpkg.tsv'))('orders %s', (_label, { a, b, expected }) => {
    expect(Math.sign(dpkg.compare(p(a!), p(b!)))).toBe(Number(expected));
  });
});

const dpkgVersion = fc
  .tuple(fc.nat({ max: 3 }), fc.nat({ max: 999 }), joined([...'0123456789abzAZ.+~'], 0, 6))
  .chain(([epoch, major, rest]) =>
    fc.option(joined([...'019a.+~'], 1, 3)).map((rev) => {
      const revision = rev === null ? '' : `-${rev}`;
      return `${epoch}:${major}${rest}${revision}`;
    }),
  );

describe('dpkg compare: order properties', () => {
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(dpkgVersion, p, dpkg.compare);
  });
});
