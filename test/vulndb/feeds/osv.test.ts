import { describe, expect, it } from 'vitest';
import { osvParser } from '../../../src/vulndb/feeds/osv.js';

const record = {
  id: 'GHSA-aaaa-bbbb-cccc',
  modified: '2024-01-01T00:00:00Z',
  aliases: ['CVE-2024-0001'],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  database_specific: { severity: 'HIGH', cwe_ids: ['CWE-79', 'not-a-cwe'] },
  affected: [
    {
      package: { ecosystem: 'npm', name: 'left-pad' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }],
    },
    { package: { ecosystem: 'npm' }, ranges: [] },
  ],
};

describe('vulndb osv parser', () => {
  it('reads a GHSA record with its rating, CVSS and CWEs, skipping a bad affected entry', () => {
    const result = osvParser.parse({ path: 'a.json', text: JSON.stringify(record) });
    const [adv] = result.advisories;

    expect(adv?.severities).toEqual([
      { source: 'ghsa', type: 'CVSS_V3', vector: record.severity[0]?.score },
      { source: 'ghsa', type: 'rating', rating: 'high' },
    ]);
    expect(adv?.cwes).toEqual(['CWE-79']);
    expect(adv?.affected).toHaveLength(1);
    expect(result.problems[0]?.reason).toMatch(/^GHSA-aaaa-bbbb-cccc affected\[1\]: package\.name/);
  });

  it('keeps YAML versions as written, not as numbers', () => {
    const text = [
      'id: PYSEC-0000-1',
      'modified: 2024-01-01T00:00:00Z',
      'affected:',
      '- package: {ecosystem: PyPI, name: x}',
      '  versions: [1.0, 1.10, 2]',
    ].join('\n');
    const [adv] = osvParser.parse({ path: 'x.yaml', text }).advisories;

    expect(adv?.affected[0]?.versions).toEqual(['1.0', '1.10', '2']);
  });

  it('reports broken JSON instead of throwing', () => {
    const result = osvParser.parse({ path: 'bad.json', text: '{"id": "X", "affected": [' });

    expect(result.advisories).toEqual([]);
    expect(result.problems[0]?.reason).toMatch(/^invalid json/);
  });

  it('reports a YAML alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) {
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    }
    const text = ['id: BOMB-1', 'modified: x', ...lines].join('\n');
    const result = osvParser.parse({ path: 'bomb.yaml', text });

    expect(result.advisories).toEqual([]);
    expect(result.problems[0]?.reason).toMatch(/^invalid yaml/);
  });
});
