import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile } from '../../src/catalog/parse-json.js';

const Schema = z.object({ name: z.string() });

describe('readJsonFile', () => {
  it('returns the data when the file is JSON of the format', () => {
    expect(readJsonFile(Buffer.from('{"name":"x"}'), 'a.json', Schema, 'not it')).toEqual({
      ok: true,
      data: { name: 'x' },
    });
  });

  it.each([
    ['broken JSON', '{"name":', /^invalid json: /],
    ['another format', '[1, 2]', /^not it$/],
    ['an empty file', '', /^invalid json: /],
  ])('turns %s into one problem naming the file', (_, text, message) => {
    const read = readJsonFile(Buffer.from(text), 'a.json', Schema, 'not it');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.value.packages).toEqual([]);
    expect(read.value.problems).toEqual([
      { path: 'a.json', message: expect.stringMatching(message) },
    ]);
  });
});
