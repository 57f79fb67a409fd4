import { describe, expect, it } from 'vitest';
import { renderMisconfigTable } from '../../src/misconfig/render.js';

describe('renderMisconfigTable', () => {
  it('prints one block per file with evidence locations, remedies and problems', () => {
    const text = renderMisconfigTable([
      {
        path: 'Dockerfile',
        findings: [
          {
            id: 'DD-IMG-001',
            title: 'Runs as root',
            severity: 'HIGH',
            rationale: 'r',
            remedy: 'Add USER.',
            evidence: [{ line: 3, detail: 'USER is root' }],
          },
        ],
        problems: [{ line: 4, message: 'unknown instruction "X"' }],
      },
      { path: 'other/Dockerfile', findings: [], problems: [] },
    ]);
    expect(text).toBe(
      [
        'Dockerfile: 1 misconfiguration',
        '  HIGH     DD-IMG-001  Runs as root',
        '           line 3: USER is root',
        '           fix: Add USER.',
        '  problem  line 4: unknown instruction "X"',
        '',
        'other/Dockerfile: no misconfigurations',
        '',
      ].join('\n'),
    );
  });

  it('says so when there was nothing to check', () => {
    expect(renderMisconfigTable([])).toBe('no Dockerfiles found\n');
  });
});
