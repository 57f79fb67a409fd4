import { describe, expect, it } from 'vitest';
import { FORMATS, isSbomFormat, renderInventory, SBOM_FORMATS } from '../../src/sbom/index.js';
import { fullInventory, IMAGE, OPTIONS } from './fixtures.js';

describe('sbom index', () => {
  it('offers every declared format exactly once', () => {
    expect([...FORMATS].sort()).toEqual([...SBOM_FORMATS].sort());
    expect(new Set(FORMATS).size).toBe(FORMATS.length);
  });

  const starts: [string, string][] = [
    ['cyclonedx', '"bomFormat": "CycloneDX"'],
    ['spdx-json', '"spdxVersion": "SPDX-2.3"'],
    ['json', '"schemaVersion": "1.1"'],
    ['table', 'NAME'],
  ];

  it.each(starts)('renders %s with its own renderer', (format, marker) => {
    expect(isSbomFormat(format)).toBe(true);
    expect(renderInventory(format as never, fullInventory(), IMAGE, OPTIONS)).toContain(marker);
  });

  it('rejects format names it does not know', () => {
    expect(isSbomFormat('sarif')).toBe(false);
    expect(isSbomFormat('__proto__')).toBe(false);
  });
});
