import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDrydockError } from '../../../src/errors.js';
import { canonicalGo, go, parseGo } from '../../../src/versioning/go/index.js';
import { compareVersions } from '../../../src/versioning/index.js';
import { assertOrderLaws } from '../properties.js';
import { cases } from '../vectors.js';

describe('go versioning: golang.org/x/mod/semver tests', () => {
  it.each(cases('go-semver-canonical.tsv'))('canonicalises %s', (_label, row) => {
    const parsed = parseGo(row.input!);
    if (row.canonical === '') return expect(parsed.ok).toBe(false);
    expect(parsed.ok && canonicalGo(parsed.value)).toBe(row.canonical);
  });

  // Upstream ranks every invalid version as equal to the others and below all valid
  // ones. drydock instead refuses to rank them: compareVersions throws VERSION_PARSE, so
  // a typo in a feed cannot silently decide "not affected". Those rows assert the throw.
  it.each(cases('go-semver.tsv'))('orders %s', (_label, { a, b, expected }) => {
    const pa = parseGo(a!);
    const pb = parseGo(b!);
    if (pa.ok && pb.ok)
      return expect(Math.sign(go.compare(pa.value, pb.value))).toBe(Number(expected));

    expect(() => compareVersions('Go', a!, b!)).toThrow(
      expect.objectContaining({ code: 'VERSION_PARSE' }),
    );
  });
});

describe('go versioning: module versions', () => {
  const table: [string, string, number][] = [
    ['v0.0.0-20191109021931-daa7c04131f5', 'v0.0.0-20200101000000-aaaaaaaaaaaa', -1],
    ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.3', 1],
    ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4', -1],
    ['v2.0.0+incompatible', 'v2.0.0', 0],
    ['1.2.3', 'v1.2.3', 0],
  ];
  it.each(table)('%s vs %s is %d', (a, b, expected) => {
    expect(Math.sign(compareVersions('Go', a, b))).toBe(expected);
  });

  it('names the ecosystem and the version when it cannot parse', () => {
    try {
      compareVersions('Go', 'v1.2.3', 'v1.02.3');
      expect.unreachable();
    } catch (err) {
      expect(isDrydockError(err, 'VERSION_PARSE')).toBe(true);
      expect((err as Error).message).toContain('v1.02.3');
      expect((err as Error).message).toContain('Go');
    }
  });
});

describe('go versioning: order properties', () => {
  const version = fc
    .tuple(fc.nat(12), fc.nat(12), fc.nat(12))
    .chain((n) =>
      fc
        .constantFrom('', '-0.2019', '-pre', '-pre.1', '+incompatible')
        .map((s) => `v${n.join('.')}${s}`),
    );
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(
      version,
      (s) => {
        const r = parseGo(s);
        if (!r.ok) throw new Error(r.reason);
        return r.value;
      },
      go.compare,
    );
  });
});
