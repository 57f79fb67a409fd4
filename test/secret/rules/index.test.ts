import { describe, expect, it } from 'vitest';
import { scanString } from '../../../src/secret/detect.js';
import { SECRET_RULES } from '../../../src/secret/rules/index.js';
import { Fakes } from '../fakes.js';
import { SAMPLES } from './samples.js';

describe('secret rule table', () => {
  it('holds more than 100 rules with unique kebab-case ids', () => {
    const ids = SECRET_RULES.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(100);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('gives every rule lowercase keywords and a global pattern', () => {
    for (const rule of SECRET_RULES) {
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0);
      for (const k of rule.keywords) expect(k, rule.id).toBe(k.toLowerCase());
      expect(rule.pattern.global, rule.id).toBe(true);
    }
  });

  it('has a sample for every rule', () => {
    const missing = SECRET_RULES.map((r) => r.id).filter((id) => !(id in SAMPLES));
    expect(missing).toEqual([]);
  });
});

describe('secret rules on their samples', () => {
  const f = new Fakes(42);
  const cases = SECRET_RULES.filter((r) => r.id in SAMPLES).map((r) => {
    const sample = SAMPLES[r.id]!(f);
    return { id: r.id, keywords: r.keywords, ...sample };
  });

  it.each(cases)('$id reports its sample value', ({ id, text, value }) => {
    const found = scanString(text).filter((m) => m.rule.id === id);
    expect(found.map((m) => m.value)).toEqual([value]);
  });

  it.each(cases)('$id sample contains one of its keywords', ({ id, text, keywords }) => {
    const lower = text.toLowerCase();
    expect(
      keywords.some((k) => lower.includes(k)),
      id,
    ).toBe(true);
  });
});

describe('secret rules on hostile input', () => {
  // Long runs of the characters a pattern expects, without the part that completes it:
  // a pattern that backtracks badly would not return from these.
  const hostile = [
    'a'.repeat(200_000),
    `ghp_${'A'.repeat(100_000)}`,
    `-----BEGIN RSA PRIVATE KEY-----${'A'.repeat(100_000)}`,
    `password=${'='.repeat(50_000)}`,
    `postgres://${'u'.repeat(50_000)}:${'p'.repeat(50_000)}`,
    'eyJ'.repeat(30_000),
    `${'x:'.repeat(40_000)}@`,
    `machine ${'a '.repeat(40_000)}`,
    `?sv=2020-01-01&${'sig='.repeat(20_000)}`,
    'token token token = = = '.repeat(5_000),
  ];

  it.each(hostile.map((text, i) => ({ i, text })))('returns on hostile string $i', ({ text }) => {
    const rules = SECRET_RULES.length;
    let ran = 0;
    for (const rule of SECRET_RULES) {
      rule.pattern.lastIndex = 0;
      let guard = 0;
      while (rule.pattern.exec(text) !== null && guard++ < 100_000) {
        if (rule.pattern.lastIndex === 0) break;
      }
      ran++;
    }
    expect(ran).toBe(rules);
  });
});
