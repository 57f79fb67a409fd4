import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { npmInstalledCataloger } from '../../../src/catalog/npm/index.js';
import { parsePackageJson } from '../../../src/catalog/npm/parse-package-json.js';

describe('parsePackageJson', () => {
  it.each([
    [{ name: 'lodash', version: '4.17.21', license: 'MIT' }, ['MIT']],
    [{ name: '@babel/core', version: '7.23.0', license: { type: 'MIT' } }, ['MIT']],
    [
      { name: 'old', version: '1.0.0', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] },
      ['MIT', 'Apache-2.0'],
    ],
    [{ name: 'none', version: '1.0.0', license: 42 }, []],
  ])('reads %j', (json, licenses) => {
    const { packages } = parsePackageJson(Buffer.from(JSON.stringify(json)), 'p/package.json');
    expect(packages).toEqual([{ name: json.name, version: json.version, type: 'npm', licenses }]);
  });

  it('reports broken json', () => {
    const value = parsePackageJson(Buffer.from('{"name": "x",'), 'node_modules/x/package.json');
    expect(value.packages).toEqual([]);
    expect(value.problems[0]?.message).toMatch(/^invalid json/);
  });

  it('reports a manifest without a version', () => {
    const value = parsePackageJson(Buffer.from('{"name":"x"}'), 'node_modules/x/package.json');
    expect(value.problems[0]?.message).toBe('package.json lacks a name or version');
  });
});

describe('npm installed cataloger patterns', () => {
  const matches = picomatch(npmInstalledCataloger.consumer.patterns, { dot: true });

  it.each([
    ['app/node_modules/lodash/package.json', true],
    ['app/node_modules/@babel/core/package.json', true],
    ['app/node_modules/a/node_modules/b/package.json', true],
    ['node_modules/a/package.json', true],
    ['app/node_modules/a/lib/package.json', false],
    ['app/package.json', false],
  ])('%s: %s', (path, wanted) => {
    expect(matches(path)).toBe(wanted);
  });
});
