import { describe, expect, it } from 'vitest';
import type { Inventory, Package } from '../../src/catalog/types.js';
import type { ConsumerResult } from '../../src/layer/types.js';
import type { CopyrightValue } from '../../src/license/dpkg-copyright.js';
import { scanLicenses } from '../../src/license/scan.js';

function pkg(name: string, type: Package['type'], licenses: string[]): Package {
  return {
    name,
    version: '1.0.0',
    type,
    purl: `pkg:${type}/${name}@1.0.0`,
    licenses,
    locations: [{ path: `x/${name}`, layer: 1, diffId: 'sha256:11' }],
  };
}

const inventory = (...packages: Package[]): Inventory => ({ packages, problems: [] });

describe('license scanLicenses', () => {
  it('gives each package its expression, per-license categories and worst category', () => {
    const [finding] = scanLicenses(inventory(pkg('left-pad', 'npm', ['(MIT OR GPL-2.0-only)'])));

    expect(finding).toEqual({
      package: { name: 'left-pad', version: '1.0.0', type: 'npm', purl: 'pkg:npm/left-pad@1.0.0' },
      declared: ['(MIT OR GPL-2.0-only)'],
      expression: 'MIT OR GPL-2.0-only',
      unknown: [],
      licenses: [
        { license: 'MIT', spdx: true, category: 'notice' },
        { license: 'GPL-2.0-only', spdx: true, category: 'restricted' },
      ],
      worst: 'notice',
      locations: [{ path: 'x/left-pad', layer: 1, diffId: 'sha256:11' }],
    });
  });

  it('joins several declarations with AND, once each, and Composer lists with OR', () => {
    const [gem, composer, python] = scanLicenses(
      inventory(
        pkg('rack', 'gem', ['MIT', 'GPL-2']),
        pkg('monolog/monolog', 'composer', ['MIT', 'GPL-2.0-only']),
        pkg('jinja2', 'pypi', ['BSD-3-Clause', 'BSD-3-Clause']),
      ),
    );

    expect(gem?.expression).toBe('MIT AND GPL-2.0-only');
    expect(gem?.worst).toBe('restricted');
    expect(composer?.expression).toBe('MIT OR GPL-2.0-only');
    expect(composer?.worst).toBe('notice');
    expect(python?.expression).toBe('BSD-3-Clause');
  });

  it('keeps unknown text visible and the expression unknown', () => {
    const [finding] = scanLicenses(inventory(pkg('thing', 'npm', ['MIT', 'SEE LICENSE IN EULA'])));

    expect(finding?.expression).toBe('unknown');
    expect(finding?.unknown).toEqual(['SEE LICENSE IN EULA']);
    expect(finding?.licenses).toContainEqual({
      license: 'SEE LICENSE IN EULA',
      spdx: false,
      category: 'unknown',
    });
    expect(finding?.worst).toBe('unknown');
    expect(finding?.notes?.[0]).toContain('EULA');
  });

  it('reports a package that declares nothing as unknown, with a note', () => {
    const [finding] = scanLicenses(inventory(pkg('bare', 'cargo', [])));

    expect(finding).toMatchObject({ expression: 'unknown', worst: 'unknown', licenses: [] });
    expect(finding?.notes).toEqual(['no license is declared']);
  });

  it('applies the user config before the defaults', () => {
    const config = { 'GPL-*': 'forbidden' as const, Custom: 'notice' as const };
    const [gpl, custom] = scanLicenses(
      inventory(pkg('a', 'deb', ['GPL-2+']), pkg('b', 'deb', ['Custom'])),
      { config },
    );

    expect(gpl?.worst).toBe('forbidden');
    expect(custom?.worst).toBe('notice');
    expect(custom?.expression).toBe('unknown');
  });

  it('takes a deb package licenses from its copyright file when the consumer ran', () => {
    const copyright = (layer: number, value: Partial<CopyrightValue>, removedBy?: number) => {
      const result: ConsumerResult<CopyrightValue> = {
        path: 'usr/share/doc/bash/copyright',
        layer,
        value: { package: 'bash', format: 'dep5', declarations: [], ...value },
      };
      if (removedBy !== undefined) result.removedBy = removedBy;
      return result;
    };
    const bash = { ...pkg('bash', 'deb', ['Permission to use']), locations: [] };
    const copyrights = [
      copyright(0, { declarations: ['GPL-2+'] }),
      copyright(1, { declarations: ['GPL-3+', 'BSD-4-clause'], main: 'GPL-3+' }),
      copyright(2, { declarations: ['MIT'] }, 3),
    ];

    const [finding] = scanLicenses(inventory(bash), { copyrights });

    expect(finding?.declared).toEqual(['GPL-3+', 'BSD-4-clause']);
    expect(finding?.expression).toBe('GPL-3.0-or-later AND BSD-4-Clause');
    expect(finding?.main).toBe('GPL-3.0-or-later');
    expect(finding?.locations).toEqual([{ path: 'usr/share/doc/bash/copyright', layer: 1 }]);
  });

  it('scores an inventory of thousands of packages with repeated declarations quickly', () => {
    const packages = Array.from({ length: 5000 }, (_, i) =>
      pkg(`p${i}`, 'npm', [i % 2 ? 'MIT' : 'GPL-2+ or Artistic, and BSD-3-clause']),
    );
    const findings = scanLicenses(inventory(...packages));

    expect(findings).toHaveLength(5000);
    expect(findings[0]?.expression).toBe(
      '(GPL-2.0-or-later OR Artistic-1.0-Perl) AND BSD-3-Clause',
    );
  });
});
