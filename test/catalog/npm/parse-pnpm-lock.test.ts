import { describe, expect, it } from 'vitest';
import { parsePnpmKey, parsePnpmLock } from '../../../src/catalog/npm/parse-pnpm-lock.js';

const V9 = `lockfileVersion: '9.0'

importers:
  .:
    dependencies:
      react:
        specifier: ^18.2.0
        version: 18.2.0

packages:
  '@babel/runtime@7.23.2':
    resolution: {integrity: sha512-abc}
  react@18.2.0:
    resolution: {integrity: sha512-def}
  react-dom@18.2.0(react@18.2.0):
    resolution: {integrity: sha512-ghi}
`;

describe('parsePnpmLock', () => {
  it('reads 9.x package keys, dropping peer suffixes', () => {
    const { packages, problems } = parsePnpmLock(Buffer.from(V9), 'pnpm-lock.yaml');
    expect(problems).toEqual([]);
    expect(packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      '@babel/runtime@7.23.2',
      'react@18.2.0',
      'react-dom@18.2.0',
    ]);
  });

  it.each([
    ['/lodash/4.17.21', { name: 'lodash', version: '4.17.21' }],
    ['/@babel/core/7.0.0_react@17.0.2', { name: '@babel/core', version: '7.0.0' }],
    ['/lodash@4.17.21', { name: 'lodash', version: '4.17.21' }],
    ['/@types/react@18.0.0(@types/node@20.0.0)', { name: '@types/react', version: '18.0.0' }],
    ['@scope/pkg@1.0.0', { name: '@scope/pkg', version: '1.0.0' }],
    ['nonsense', undefined],
  ])('key %s', (key, expected) => {
    expect(parsePnpmKey(key)).toEqual(expected);
  });

  it('uses name and version fields of tarball entries', () => {
    const text =
      "lockfileVersion: '6.0'\npackages:\n  https://x/y.tgz:\n" +
      '    name: y\n    version: 1.2.3\n    dev: true\n';
    const { packages } = parsePnpmLock(Buffer.from(text), 'pnpm-lock.yaml');
    expect(packages).toEqual([
      { name: 'y', version: '1.2.3', type: 'npm', licenses: [], metadata: { dev: 'true' } },
    ]);
  });

  it('reports invalid YAML and a billion-laughs document without hanging', () => {
    expect(parsePnpmLock(Buffer.from('packages: [\n'), 'p').problems[0]?.message).toMatch(/yaml/);
    const anchor = (i: number) => (i === 0 ? 'a' : 'b'.repeat(i));
    const laughs = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) {
      laughs.push(`${anchor(i)}: &${anchor(i)} [${`*${anchor(i - 1)},`.repeat(9)}]`);
    }
    const value = parsePnpmLock(Buffer.from(`${laughs.join('\n')}\npackages: {}\n`), 'p');
    expect(value.packages).toEqual([]);
    expect(value.problems[0]?.message).toMatch(/^invalid yaml: .*alias/i);
  });
});
