import { describe, expect, it } from 'vitest';
import { apk, apkMatches, parseApk } from '../../../src/versioning/apk/index.js';
import { assertOrderLaws, joined } from '../properties.js';
import { cases } from '../vectors.js';

const p = (s: string) => {
  const parsed = parseApk(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('apk versioning: upstream vectors', () => {
  it.each(cases('apk.tsv'))('orders %s', (_label, { a, b, expected }) => {
    expect(Math.sign(apk.compare(p(a!), p(b!)))).toBe(Number(expected));
  });

  it.each(cases('apk-ops.tsv'))('applies operator %s', (_label, { a, op, b, expected }) => {
    expect(apkMatches(a!, op!, b!)).toBe(expected === 'true');
  });

  it.each(cases('apk-validity.tsv'))('validates %s', (_label, { version, valid }) => {
    expect(apk.isValid(version!)).toBe(valid === 'true');
  });
});

describe('apk versioning: order properties', () => {
  const version = joined(
    ['1', '2', '10', '.0', '.1', '.05', 'a', '_rc1', '_p2', '~ab', '-r3'],
    1,
    6,
  ).map((s) => `1${s}`);
  it('keeps the order laws on generated versions', () => {
    assertOrderLaws(version, p, apk.compare);
  });
});
