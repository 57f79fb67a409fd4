import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nuget, parseNuget } from '../../../src/versioning/nuget/index.js';
import { assertOrderLaws } from '../properties.js';

const p = (s: string) => {
  const parsed = parseNuget(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('nuget versioning: order', () => {
  const table: [string, string, number][] = [
    ['1.0', '1.0.0.0', 0],
    ['1.0.0.1', '1.0.0', 1],
    ['1.0.0-Beta', '1.0.0-beta', 0],
    ['1.0.0-alpha', '1.0.0', -1],
    ['1.0.0-alpha.2', '1.0.0-alpha.10', -1],
    ['1.0.0-1', '1.0.0-a', -1],
    ['1.0.0+abc', '1.0.0+def', 0],
    ['2.0.0', '10.0.0', -1],
  ];
  it.each(table)('%s vs %s is %d', (a, b, expected) => {
    expect(Math.sign(nuget.compare(p(a), p(b)))).toBe(expected);
  });

  it('rejects what NuGet rejects', () => {
    for (const bad of ['1', 'v1.0', '1.0.0.0.0', '1.0-', '1.0.0-beta..1', '']) {
      expect(parseNuget(bad).ok, bad).toBe(false);
    }
  });
});

describe('nuget versioning: order properties', () => {
  const version = fc
    .tuple(
      fc.constantFrom('1.0', '1.0.0', '1.0.0.1', '2.1'),
      fc.constantFrom('', '-alpha', '-Alpha.2', '-1', '-rc.10'),
      fc.constantFrom('', '+meta'),
    )
    .map((parts) => parts.join(''));
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(version, p, nuget.compare);
  });
});
