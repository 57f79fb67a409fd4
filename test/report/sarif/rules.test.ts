import { describe, expect, it } from 'vitest';
import {
  LEVEL_SCORE,
  levelOf,
  RuleSet,
  secretRule,
  unevaluatedRule,
  vulnerabilityRule,
} from '../../../src/report/sarif/rules.js';
import { scanResult } from '../fixtures.js';

describe('sarif rules: levels', () => {
  it.each([
    [10, 'error'],
    [7, 'error'],
    [6.9, 'warning'],
    [4, 'warning'],
    [3.9, 'note'],
    [0, 'note'],
  ])('a score of %s is level %s', (score, level) => {
    expect(levelOf(score)).toBe(level);
  });

  it('maps every severity without CVSS into its code-scanning band', () => {
    expect(levelOf(LEVEL_SCORE.CRITICAL)).toBe('error');
    expect(LEVEL_SCORE.CRITICAL).toBeGreaterThanOrEqual(9);
    expect(LEVEL_SCORE.HIGH).toBeGreaterThanOrEqual(7);
    expect(LEVEL_SCORE.MEDIUM).toBeGreaterThanOrEqual(4);
    expect(LEVEL_SCORE.LOW).toBeLessThan(4);
  });
});

describe('sarif rules: RuleSet', () => {
  it('adds a rule once and keeps the highest score of its results', () => {
    const rules = new RuleSet();
    const first = rules.add(unevaluatedRule('GHSA-1'), 3);
    const again = rules.add(unevaluatedRule('GHSA-1'), 8.1);
    rules.add(unevaluatedRule('GHSA-1'), 5);

    expect(first).toEqual({ id: 'GHSA-1', index: 0 });
    expect(again).toEqual(first);
    expect(rules.list()).toHaveLength(1);
    expect(rules.list()[0]!.properties['security-severity']).toBe('8.1');
    expect(rules.list()[0]!.defaultConfiguration.level).toBe('error');
  });

  it('numbers rules in first-seen order', () => {
    const rules = new RuleSet();
    rules.add(unevaluatedRule('B'), 1);

    expect(rules.add(unevaluatedRule('A'), 1).index).toBe(1);
  });
});

describe('sarif rules: text', () => {
  it('describes a vulnerability with its aliases and a safe help link', () => {
    const v = scanResult().vulnerabilities[0]!;
    const rule = vulnerabilityRule({ ...v, references: ['javascript:x', 'https://a.example/'] });

    expect(rule.fullDescription.text).toBe(
      'Lodash versions prior to 4.17.21 are vulnerable to command injection. ' +
        'Also known as GHSA-35jh-r3h4-6jhm.',
    );
    expect(rule.helpUri).toBe('https://a.example/');
    expect(rule.help.markdown).not.toContain('javascript:');
  });

  it('falls back to the id and package when an advisory has no title', () => {
    const v = scanResult().vulnerabilities[0]!;
    const bare = { ...v, title: undefined, description: undefined, aliases: [], references: [] };
    const rule = vulnerabilityRule(bare);

    expect(rule.shortDescription.text).toBe('CVE-2021-23337 in lodash');
    expect(rule.fullDescription.text).toBe('CVE-2021-23337 in lodash.');
    expect(rule.helpUri).toBeUndefined();
  });

  it('tells what to do about a secret without showing it', () => {
    const s = scanResult().secrets[0]!;
    const rule = secretRule(s);

    expect(rule.help.text).toContain('revoke it');
    expect(rule.properties.tags).toEqual(['secret', 'security', 'cloud']);
    expect(JSON.stringify(rule)).not.toContain(s.redacted);
  });
});
