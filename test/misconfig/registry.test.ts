import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/misconfig/registry.js';
import { SEVERITIES } from '../../src/misconfig/types.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('misconfiguration check registry', () => {
  it('gives every check a unique stable id and all the fields a report needs', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of CHECKS) {
      expect(check.id).toMatch(/^DD-(IMG|FS)-\d{3}$/);
      expect(SEVERITIES).toContain(check.severity);
      expect(check.title.length).toBeGreaterThan(5);
      expect(check.rationale.length).toBeGreaterThan(40);
      expect(check.remedy.length).toBeGreaterThan(20);
      expect(check.targets.length).toBeGreaterThan(0);
    }
  });

  it('documents every check in docs/misconfig.md with its severity', async () => {
    const docs = await readFile(path.join(repoRoot, 'docs/misconfig.md'), 'utf8');
    for (const check of CHECKS) {
      expect(docs).toMatch(new RegExp(`\\| ${check.id} \\| ${check.severity} \\|`));
    }
  });
});
