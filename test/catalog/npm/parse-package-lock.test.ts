import { describe, expect, it } from 'vitest';
import { parsePackageLock } from '../../../src/catalog/npm/parse-package-lock.js';

const V1 = {
  name: 'app',
  lockfileVersion: 1,
  dependencies: {
    express: { version: '4.18.2', dependencies: { debug: { version: '2.6.9' } } },
    jest: { version: '29.0.0', dev: true },
  },
};

const V3 = {
  name: 'app',
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', version: '1.0.0' },
    'node_modules/express': { version: '4.18.2', license: 'MIT' },
    'node_modules/express/node_modules/debug': { version: '2.6.9' },
    'node_modules/@types/node': { version: '20.1.0', dev: true },
    'node_modules/local': { resolved: 'packages/local', link: true },
    'packages/local': { name: 'local', version: '0.1.0' },
    'node_modules/broken': 'nonsense',
  },
};

const names = (value: ReturnType<typeof parsePackageLock>) =>
  value.packages.map((p) => `${p.name}@${p.version}${p.metadata?.dev ? ' dev' : ''}`);

describe('parsePackageLock', () => {
  it('walks v1 nested dependencies', () => {
    const value = parsePackageLock(Buffer.from(JSON.stringify(V1)), 'package-lock.json');
    expect(names(value)).toEqual(['express@4.18.2', 'debug@2.6.9', 'jest@29.0.0 dev']);
  });

  it('reads v2/v3 packages by install path, skipping the root and links', () => {
    const value = parsePackageLock(Buffer.from(JSON.stringify(V3)), 'package-lock.json');
    expect(names(value)).toEqual([
      'express@4.18.2',
      'debug@2.6.9',
      '@types/node@20.1.0 dev',
      'local@0.1.0',
    ]);
    expect(value.packages[0]?.licenses).toEqual(['MIT']);
    expect(value.problems).toEqual([
      { path: 'package-lock.json', message: 'entry node_modules/broken is not an object' },
    ]);
  });

  it('reports broken json and non-object documents', () => {
    expect(parsePackageLock(Buffer.from('{'), 'l').problems).toHaveLength(1);
    expect(parsePackageLock(Buffer.from('[1]'), 'l').problems).toHaveLength(1);
  });
});
