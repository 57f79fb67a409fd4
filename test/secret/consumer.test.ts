import { describe, expect, it } from 'vitest';
import { RULES_VERSION, secretConsumer } from '../../src/secret/index.js';
import { ALNUM, Fakes } from './fakes.js';

const ctx = {
  entry: { path: 'a', type: 'file' as const, size: 0, mode: 0o644, uid: 0, gid: 0, mtime: 0 },
  layer: { index: 0, diffId: 'sha256:0' },
};

describe('secretConsumer', () => {
  it('wants every file and keys its cache on the rule version', () => {
    const c = secretConsumer({ maxFileSize: 1024 });
    expect(c.patterns).toEqual(['**']);
    expect(c.version).toBe(RULES_VERSION);
    expect(c.maxFileSize).toBe(1024);
  });

  it('produces no value for a clean file and a JSON-safe value without the secret', async () => {
    const c = secretConsumer();
    expect(await c.extract(Buffer.from('hello'), ctx)).toBeUndefined();

    const token = new Fakes(1).token(['gh', 'p_'], ALNUM, 36);
    const value = await c.extract(Buffer.from(`t=${token}`), ctx);
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    expect(JSON.stringify(value)).not.toContain(token);
  });
});
