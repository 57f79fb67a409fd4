import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { epssParser } from '../../../src/vulndb/feeds/epss.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const epssDir = path.resolve(repoRoot, '../shared/data/specs/epss');

describe('vulndb epss parser', () => {
  it('reads the real sample with its score date', async () => {
    const text = await readFile(path.join(epssDir, 'claircore-data.csv'), 'utf8');
    const result = epssParser.parse({ path: 'claircore-data.csv', text });

    expect(result.problems).toEqual([]);
    expect(result.epss[0]).toEqual({
      cve: 'CVE-1999-0005',
      score: 0.91963,
      percentile: 0.9903,
      date: '2024-10-25',
    });
  });

  it('does not claim a file with the wrong header', async () => {
    const text = await readFile(path.join(epssDir, 'vunnel-invalid-header.csv'), 'utf8');

    expect(epssParser.detect({ path: 'x.csv', head: text })).toBe(false);
    expect(epssParser.parse({ path: 'x.csv', text }).problems[0]?.reason).toBe(
      'no cve,epss,percentile header',
    );
  });

  it.each(['CVE-2024-1,1.5,0.2', 'CVE-2024-1,,0.2', 'GHSA-x,0.1,0.2', 'CVE-2024-1,NaN,0.1'])(
    'reports the bad row %s and keeps the good one',
    (row) => {
      const text = `cve,epss,percentile\n${row}\nCVE-2024-0002,0.1,0.2\n`;
      const result = epssParser.parse({ path: 'e.csv', text });

      expect(result.epss.map((e) => e.cve)).toEqual(['CVE-2024-0002']);
      expect(result.problems).toEqual([
        { path: 'e.csv:2', reason: 'row is not cve,score,percentile' },
      ]);
    },
  );
});
