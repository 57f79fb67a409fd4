import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ratingOf, scoreVector } from '../../src/cvss/index.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cvssDir = path.resolve(repoRoot, '../shared/data/specs/cvss');

function vectors(file: string): Array<{ vector: string; score: number }> {
  const lines = readFileSync(path.join(cvssDir, file), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [vector, score] = line.split('\t');
    return { vector: vector!, score: Number(score) };
  });
}

describe('cvss scoreVector on the reference vectors', () => {
  for (const file of ['cvss30_vectors.tsv', 'cvss31_vectors.tsv', 'cvss40_vectors.tsv']) {
    it(`matches every expected score in ${file}`, () => {
      const rows = vectors(file);
      const wrong = rows.filter((row) => {
        const result = scoreVector(row.vector);
        return !result.ok || result.value.score !== row.score;
      });

      expect(rows.length).toBeGreaterThan(1000);
      expect(wrong.slice(0, 5)).toEqual([]);
    });
  }

  it('scores a v2 vector with or without the parentheses NVD writes', () => {
    const bare = scoreVector('AV:N/AC:L/Au:N/C:P/I:P/A:P');
    const wrapped = scoreVector('(AV:N/AC:L/Au:N/C:P/I:P/A:P)');

    expect(bare).toEqual({
      ok: true,
      value: { version: '2.0', vector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P', score: 7.5 },
    });
    expect(wrapped).toEqual(bare);
  });
});

describe('cvss scoreVector on hostile and broken vectors', () => {
  const cases: Array<[string, unknown, string]> = [
    ['not a string', 42, 'not a string'],
    ['empty', '', 'is not METRIC:VALUE'],
    ['unknown version', 'CVSS:5.0/AV:N', 'unsupported CVSS version'],
    ['missing base metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'base metric A missing'],
    ['duplicate metric', 'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'appears twice'],
    ['bad value', 'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'AV:Q is not'],
    ['v4 metric in a v3 vector', 'CVSS:3.1/AV:N/AT:N', 'has no metric AT'],
    ['huge input', `CVSS:3.1/${'AV:N/'.repeat(200)}`, 'longer than 512'],
    ['no prefix on v3 metrics', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'has no metric PR'],
  ];

  for (const [name, input, reason] of cases) {
    it(`refuses ${name} with the reason`, () => {
      const result = scoreVector(input);

      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).toContain(reason);
    });
  }
});

describe('cvss ratingOf', () => {
  const table: Array<[number, string]> = [
    [0, 'NONE'],
    [0.1, 'LOW'],
    [3.9, 'LOW'],
    [4, 'MEDIUM'],
    [6.9, 'MEDIUM'],
    [7, 'HIGH'],
    [8.9, 'HIGH'],
    [9, 'CRITICAL'],
    [10, 'CRITICAL'],
  ];
  for (const [score, rating] of table) {
    it(`rates ${score} as ${rating}`, () => expect(ratingOf(score)).toBe(rating));
  }
});
