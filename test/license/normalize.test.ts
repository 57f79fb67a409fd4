import { describe, expect, it } from 'vitest';
import { normalizeLicense, renderExpression } from '../../src/license/normalize.js';

const expressionOf = (text: string) => normalizeLicense(text).expression;

describe('license normalizeLicense: tricky declarations', () => {
  it.each([
    ['(MIT OR Apache-2.0)', 'MIT OR Apache-2.0'],
    ['MIT AND (Apache-2.0 OR BSD-3-Clause)', 'MIT AND (Apache-2.0 OR BSD-3-Clause)'],
    ['GPL-2+', 'GPL-2.0-or-later'],
    ['GPL-2', 'GPL-2.0-only'],
    ['GPL-2.0', 'GPL-2.0-only'],
    ['GPL-2.0+', 'GPL-2.0-or-later'],
    ['GPL-3.0-only', 'GPL-3.0-only'],
    ['GPLv3+', 'GPL-3.0-or-later'],
    ['LGPL-2.1+', 'LGPL-2.1-or-later'],
    ['LGPL-2+', 'LGPL-2.0-or-later'],
    ['Apache 2.0', 'Apache-2.0'],
    ['Apache-2', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['The Apache Software License, Version 2.0', 'Apache-2.0'],
    ['MIT/X11', 'MIT'],
    ['Expat', 'MIT'],
    ['mit', 'MIT'],
    ['BSD-3-clause', 'BSD-3-Clause'],
    ['BSD-3-clause~Google', 'BSD-3-Clause'],
    ['LGPL-2.1+ or MPL-1.1', 'LGPL-2.1-or-later OR MPL-1.1'],
    ['GPL-1+ or Artistic', 'GPL-1.0-or-later OR Artistic-1.0-Perl'],
    ['Artistic-2.0', 'Artistic-2.0'],
    ['Perl', 'GPL-1.0-or-later OR Artistic-1.0-Perl'],
    ['public-domain', 'LicenseRef-Public-Domain'],
    ['zlib/libpng', 'Zlib'],
    ['CC0', 'CC0-1.0'],
    ['GPL-3+ with Bison exception', 'GPL-3.0-or-later WITH Bison-exception-2.2'],
    ['GPL-3+ with autoconf exception', 'GPL-3.0-or-later WITH Autoconf-exception-3.0'],
    ['GPL-2+-autoconf-exception', 'GPL-2.0-or-later WITH Autoconf-exception-2.0'],
    ['GPL-3+-WITH-BISON-EXCEPTION', 'GPL-3.0-or-later WITH Bison-exception-2.2'],
    ['GPL-2 with Linux-syscall-note exception', 'GPL-2.0-only WITH Linux-syscall-note'],
    ['LGPLv3+_or_GPLv2+', 'LGPL-3.0-or-later OR GPL-2.0-or-later'],
    [
      'GPL-2+ or Artistic-2.0, and BSD-3-clause',
      '(GPL-2.0-or-later OR Artistic-2.0) AND BSD-3-Clause',
    ],
    ['Sleepycat and BSD-3-clause', 'Sleepycat AND BSD-3-Clause'],
    ['MIT/Apache-2.0', 'MIT OR Apache-2.0'],
    ['MIT & Apache-2.0', 'MIT AND Apache-2.0'],
    ['((((MIT))))', 'MIT'],
    ['GNU General Public License v2 or later (GPLv2+)', 'GPL-2.0-or-later'],
    ['GNU Lesser General Public License v3 (LGPLv3)', 'LGPL-3.0-only'],
    ['License :: OSI Approved :: MIT License', 'MIT'],
    ['Mozilla Public License 2.0 (MPL 2.0)', 'MPL-2.0'],
    ['ISC License (ISCL)', 'ISC'],
    ['Python Software Foundation License', 'PSF-2.0'],
    ['The Unlicense (Unlicense)', 'Unlicense'],
    ['Eclipse Public License 2.0', 'EPL-2.0'],
    ['http://www.apache.org/licenses/LICENSE-2.0.txt', 'Apache-2.0'],
    ['https://opensource.org/licenses/MIT', 'MIT'],
    ['https://spdx.org/licenses/BSD-2-Clause.html', 'BSD-2-Clause'],
    ['http://www.eclipse.org/legal/epl-v10.html', 'EPL-1.0'],
  ])('reads %j as %s', (declared, expected) => {
    expect(expressionOf(declared)).toBe(expected);
  });

  it('keeps an exception with no SPDX id as a note and the license without it', () => {
    const result = normalizeLicense('GPL-2+ with OpenSSL exception');

    expect(result.expression).toBe('GPL-2.0-or-later');
    expect(result.notes.join()).toContain('OpenSSL exception');
  });

  it('gives a versionless family no id but its kind', () => {
    for (const [text, family] of [
      ['BSD', 'notice'],
      ['BSD License', 'notice'],
      ['GPL', 'restricted'],
      ['GNU Library or Lesser General Public License (LGPL)', 'restricted'],
      ['Apache Software License', 'notice'],
      ['BSD-3-clause-author', 'notice'],
      ['MIT-US-export', 'notice'],
      ['GPL with automake exception', 'restricted'],
    ]) {
      const result = normalizeLicense(text!);
      expect(result.expression, text).toBeUndefined();
      expect(result.tree, text).toMatchObject({ kind: 'license', family });
    }
  });

  it('keeps SEE LICENSE IN and UNLICENSED visible as unknown, with the text and a note', () => {
    const see = normalizeLicense('SEE LICENSE IN LICENSE.md');
    const unlicensed = normalizeLicense('UNLICENSED');

    expect(see.expression).toBeUndefined();
    expect(see.tree).toEqual({ kind: 'license', text: 'SEE LICENSE IN LICENSE.md' });
    expect(see.notes[0]).toContain('LICENSE.md');
    expect(unlicensed.tree).toEqual({ kind: 'license', text: 'UNLICENSED' });
    expect(unlicensed.notes[0]).toContain('grants no license');
  });

  it('reads empty and content-free declarations as no declaration', () => {
    for (const text of ['', '   ', 'UNKNOWN', 'NOASSERTION', 'OSI Approved']) {
      expect(normalizeLicense(text)).toEqual({ declared: text, notes: [] });
    }
  });

  it('keeps garbage as one unknown license with its text', () => {
    const result = normalizeLicense('garbage !! ~~ license?');

    expect(result.expression).toBeUndefined();
    expect(result.tree).toEqual({ kind: 'license', text: 'garbage !! ~~ license?' });
  });

  it('keeps license prose as one unknown license rather than splitting it at its "and"s', () => {
    const prose = 'Permission to use, copy, modify, and distribute this software and its';
    expect(normalizeLicense(prose).tree).toEqual({ kind: 'license', text: prose });
  });

  it('keeps the known half of a mixed declaration and the text of the other', () => {
    const result = normalizeLicense('GPL-2+ or Custom');

    expect(result.expression).toBeUndefined();
    expect(result.tree).toEqual({
      kind: 'or',
      children: [
        { kind: 'license', text: 'GPL-2+', id: 'GPL-2.0-or-later' },
        { kind: 'license', text: 'Custom' },
      ],
    });
  });
});

describe('license normalizeLicense: hostile input', () => {
  it('reads a 100 KiB string as clipped unknown text without parsing it', () => {
    const huge = 'GPL and '.repeat(12_800);
    const result = normalizeLicense(huge);

    expect(result.expression).toBeUndefined();
    expect(result.tree?.kind).toBe('license');
    expect((result.tree as { text: string }).text.length).toBeLessThanOrEqual(201);
    expect(result.notes[0]).toContain(`${huge.trim().length} characters`);
  });

  it('reads unbalanced parentheses and dangling operators as unknown text', () => {
    for (const text of ['MIT AND (', '(MIT OR', 'MIT OR OR Apache-2.0', ') MIT (', 'and', 'with']) {
      expect(normalizeLicense(text).tree, text).toEqual({ kind: 'license', text });
    }
  });

  it('reads parentheses nested past its depth limit as unknown text', () => {
    const deep = `${'('.repeat(40)}MIT${')'.repeat(40)}`;
    expect(normalizeLicense(`${deep} or`).tree).toEqual({ kind: 'license', text: `${deep} or` });
  });

  it('handles long runs of separators and near-misses in bounded work', () => {
    for (const text of ['-'.repeat(1000), `GPL${'+'.repeat(1000)}`, `${'a with '.repeat(140)}b`]) {
      expect(normalizeLicense(text).expression, text.slice(0, 20)).toBeUndefined();
    }
  });
});

describe('license renderExpression', () => {
  it('puts an OR inside an AND in parentheses and leaves an AND inside an OR bare', () => {
    const tree = {
      kind: 'or' as const,
      children: [
        {
          kind: 'and' as const,
          children: [
            { kind: 'license' as const, text: 'MIT', id: 'MIT' },
            { kind: 'license' as const, text: 'ISC', id: 'ISC' },
          ],
        },
        {
          kind: 'and' as const,
          children: [
            {
              kind: 'or' as const,
              children: [
                { kind: 'license' as const, text: 'a', id: 'Zlib' },
                { kind: 'license' as const, text: 'b', id: 'X11' },
              ],
            },
            { kind: 'license' as const, text: 'c', id: 'FTL' },
          ],
        },
      ],
    };
    expect(renderExpression(tree)).toBe('MIT AND ISC OR (Zlib OR X11) AND FTL');
  });

  it('renders nothing for a tree with an unknown license in it', () => {
    const tree = {
      kind: 'and' as const,
      children: [
        { kind: 'license' as const, text: 'MIT', id: 'MIT' },
        { kind: 'license' as const, text: 'Custom' },
      ],
    };
    expect(renderExpression(tree)).toBeUndefined();
  });
});
