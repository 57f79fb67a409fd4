import { describe, expect, it } from 'vitest';
import { parseComposerInstalled } from '../../../src/catalog/php/parse-installed-json.js';

const PACKAGES = [
  { name: 'monolog/monolog', version: '3.5.0', version_normalized: '3.5.0.0', license: ['MIT'] },
  { name: 'phpunit/phpunit', version: '10.5.1', license: ['BSD-3-Clause'] },
  { name: 'broken' },
];

describe('parseComposerInstalled', () => {
  it('reads the Composer 2 object form and marks dev packages', () => {
    const json = { packages: PACKAGES, dev: true, 'dev-package-names': ['phpunit/phpunit'] };
    const value = parseComposerInstalled(
      Buffer.from(JSON.stringify(json)),
      'vendor/composer/installed.json',
    );
    expect(value.packages).toEqual([
      { name: 'monolog/monolog', version: '3.5.0', type: 'composer', licenses: ['MIT'] },
      {
        name: 'phpunit/phpunit',
        version: '10.5.1',
        type: 'composer',
        licenses: ['BSD-3-Clause'],
        metadata: { dev: 'true' },
      },
    ]);
    expect(value.problems).toEqual([
      { path: 'vendor/composer/installed.json', message: 'package 2 lacks a name or version' },
    ]);
  });

  it('reads the Composer 1 array form', () => {
    const value = parseComposerInstalled(
      Buffer.from(JSON.stringify(PACKAGES.slice(0, 1))),
      'i.json',
    );
    expect(value.packages.map((p) => p.name)).toEqual(['monolog/monolog']);
  });

  it('reports broken json and unexpected shapes', () => {
    expect(parseComposerInstalled(Buffer.from('{"packages": ['), 'i.json').problems).toHaveLength(
      1,
    );
    expect(parseComposerInstalled(Buffer.from('"x"'), 'i.json').problems).toHaveLength(1);
  });
});
