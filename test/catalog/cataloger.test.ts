import { describe, expect, it } from 'vitest';
import { catalogConsumer, decodeText } from '../../src/catalog/cataloger.js';
import { extractFile } from './helpers/consumer.js';

describe('catalogConsumer', () => {
  it('turns a parser that throws into a problem for that file', async () => {
    const consumer = catalogConsumer('boom', 1, ['x'], 10, () => {
      throw new Error('unexpected shape');
    });
    expect(await extractFile(consumer, 'etc/x', 'data')).toEqual({
      packages: [],
      problems: [{ path: 'etc/x', message: 'unexpected shape' }],
    });
  });

  it('passes the file path without a leading slash to the parser', async () => {
    const consumer = catalogConsumer('echo', 1, ['**'], 10, (_bytes, path) => ({
      packages: [],
      problems: [{ path, message: 'seen' }],
    }));
    expect((await extractFile(consumer, 'usr/lib/x', ''))?.problems[0]?.path).toBe('usr/lib/x');
  });
});

describe('decodeText', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(Buffer.from('\ufeffPackage: a'))).toBe('Package: a');
  });
});
