import { describe, expect, it } from 'vitest';
import {
  isKnownLicenseId,
  isLicenseExpression,
  SpdxLicenseRefs,
  toCdxLicenses,
} from '../../src/sbom/licenses.js';

describe('licenses: classification', () => {
  const cases: [string, boolean, boolean][] = [
    ['MIT', true, true],
    ['GPL-2.0', true, true],
    ['GPL-2.0+', false, true],
    ['Apache-2.0 WITH LLVM-exception', false, true],
    ['(MIT OR BSD-2-Clause) AND Zlib', false, true],
    ['LicenseRef-custom', false, true],
    ['mit', false, false],
    ['Public Domain', false, false],
    ['GPL-2', false, false],
    ['', false, false],
  ];

  it.each(cases)('%j: known id %s, expression %s', (text, known, expression) => {
    expect(isKnownLicenseId(text)).toBe(known);
    expect(isLicenseExpression(text)).toBe(expression);
  });

  it('does not hand a huge string to the expression parser', () => {
    expect(isLicenseExpression(`${'MIT OR '.repeat(100_000)}MIT`)).toBe(false);
  });
});

describe('licenses: CycloneDX choice', () => {
  it('never mixes an expression with other licenses (CycloneDX 1.6 licenseChoice)', () => {
    const out = toCdxLicenses(['MIT OR Apache-2.0', 'Zlib']);

    expect(out).toEqual([{ license: { name: 'MIT OR Apache-2.0' } }, { license: { id: 'Zlib' } }]);
  });
});

describe('licenses: SPDX LicenseRefs', () => {
  it('declares a LicenseRef the package wrote itself', () => {
    const refs = new SpdxLicenseRefs();

    expect(refs.declared(['LicenseRef-acme OR MIT'])).toBe('LicenseRef-acme OR MIT');
    expect(refs.extracted()).toEqual([
      { licenseId: 'LicenseRef-acme', extractedText: 'LicenseRef-acme', name: 'LicenseRef-acme' },
    ]);
  });

  it('reuses one LicenseRef for the same text', () => {
    const refs = new SpdxLicenseRefs();
    refs.declared(['Custom']);
    refs.declared(['Custom', 'MIT']);

    expect(refs.extracted().map((r) => r.licenseId)).toEqual(['LicenseRef-Custom']);
  });
});
