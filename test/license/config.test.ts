import { describe, expect, it } from 'vitest';
import { isDrydockError } from '../../src/errors.js';
import { parseLicenseConfig } from '../../src/license/config.js';

const rejects = (text: string) => {
  try {
    parseLicenseConfig(text, 'licenses.yaml');
  } catch (err) {
    expect(isDrydockError(err, 'LICENSE_CONFIG_INVALID')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('config was accepted');
};

describe('license parseLicenseConfig', () => {
  it('reads a YAML mapping of ids, families and texts to categories', () => {
    const config = parseLicenseConfig(
      'GPL-*: forbidden\nLicenseRef-acme: notice\n"Custom text": permissive\n',
      'licenses.yaml',
    );
    expect(config).toEqual({
      'GPL-*': 'forbidden',
      'LicenseRef-acme': 'notice',
      'Custom text': 'permissive',
    });
  });

  it('reads JSON and an empty file', () => {
    expect(parseLicenseConfig('{"MIT": "unencumbered"}', 'l.json')).toEqual({
      MIT: 'unencumbered',
    });
    expect(parseLicenseConfig('', 'l.yaml')).toEqual({});
  });

  it('rejects an unknown category and names the file and the key', () => {
    const message = rejects('MIT: fine\n');
    expect(message).toContain('licenses.yaml');
    expect(message).toContain('MIT');
  });

  it('rejects a list, a scalar and broken YAML', () => {
    rejects('- MIT\n- GPL\n');
    rejects('notice');
    rejects('MIT: [notice\n');
  });

  it('rejects an alias bomb and an oversized file', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) {
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    }
    rejects(bomb.join('\n'));
    rejects(`MIT: notice\n${'#'.repeat(1024 * 1024 + 1)}`);
  });
});
