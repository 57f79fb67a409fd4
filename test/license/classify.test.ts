import { describe, expect, it } from 'vitest';
import { categoryTable } from '../../src/license/categories.js';
import { bestOf, Classifier, worstOf } from '../../src/license/classify.js';
import { normalizeLicense } from '../../src/license/normalize.js';
import type { LicenseCategory } from '../../src/license/types.js';

const defaults = new Classifier();
const categoryOf = (declared: string, classifier = defaults) => {
  const tree = normalizeLicense(declared).tree;
  if (!tree) throw new Error(`no tree for ${declared}`);
  return classifier.effective(tree);
};

describe('license Classifier: default categories', () => {
  it.each([
    ['AGPL-3.0-or-later', 'forbidden'],
    ['CC-BY-NC-SA-4.0', 'forbidden'],
    ['WTFPL', 'forbidden'],
    ['GPL-2+', 'restricted'],
    ['LGPL-2.1+', 'restricted'],
    ['CC-BY-SA-4.0', 'restricted'],
    ['MPL-2.0', 'reciprocal'],
    ['EPL-2.0', 'reciprocal'],
    ['Ruby', 'reciprocal'],
    ['MIT', 'notice'],
    ['Apache-2.0', 'notice'],
    ['BSD-3-clause', 'notice'],
    ['CC-BY-4.0', 'notice'],
    ['Zlib', 'notice'],
    ['FSFULLR', 'permissive'],
    ['CC0-1.0', 'unencumbered'],
    ['MIT-0', 'unencumbered'],
    ['public-domain', 'unencumbered'],
    ['Unlicense', 'unencumbered'],
    ['BSD', 'notice'],
    ['GPL', 'restricted'],
    ['Custom', 'unknown'],
    ['LicenseRef-acme', 'unknown'],
    ['Glide', 'unknown'],
  ] as Array<[string, LicenseCategory]>)('puts %s in %s', (declared, category) => {
    expect(categoryOf(declared)).toBe(category);
  });

  it('takes the worse side of an AND and the better side of an OR', () => {
    expect(categoryOf('MIT AND GPL-2.0-only')).toBe('restricted');
    expect(categoryOf('MIT OR GPL-2.0-only')).toBe('notice');
    expect(categoryOf('(MIT OR GPL-2.0-only) AND MPL-2.0')).toBe('reciprocal');
    expect(categoryOf('GPL-2+ or Custom')).toBe('unknown');
  });

  it('keeps the license category under an exception', () => {
    expect(categoryOf('GPL-2.0-only WITH Classpath-exception-2.0')).toBe('restricted');
  });
});

describe('license Classifier: user categories', () => {
  const user = new Classifier(
    categoryTable([
      ['GPL-*', 'forbidden'],
      ['gpl-2.0-only', 'reciprocal'],
      ['Custom', 'notice'],
      ['LicenseRef-acme', 'permissive'],
    ]),
  );

  it('overrides exact ids (case-insensitively) before families', () => {
    expect(categoryOf('GPL-2.0-only', user)).toBe('reciprocal');
    expect(categoryOf('GPL-3+', user)).toBe('forbidden');
  });

  it('places unknown text and LicenseRef ids it names, and leaves the rest at the defaults', () => {
    expect(categoryOf('Custom', user)).toBe('notice');
    expect(categoryOf('LicenseRef-acme', user)).toBe('permissive');
    expect(categoryOf('MIT', user)).toBe('notice');
    expect(categoryOf('LGPL-2.1+', user)).toBe('restricted');
  });
});

describe('license worstOf and bestOf', () => {
  it.each([
    [['notice', 'restricted'], 'restricted', 'notice'],
    [['unknown', 'notice'], 'unknown', 'notice'],
    [['reciprocal', 'unknown'], 'reciprocal', 'unknown'],
    [['unencumbered', 'permissive'], 'permissive', 'unencumbered'],
    [['forbidden', 'unencumbered'], 'forbidden', 'unencumbered'],
  ] as Array<[LicenseCategory[], LicenseCategory, LicenseCategory]>)(
    'of %j: worst %s, best %s',
    (categories, worst, best) => {
      expect(worstOf(categories)).toBe(worst);
      expect(bestOf(categories)).toBe(best);
    },
  );
});
