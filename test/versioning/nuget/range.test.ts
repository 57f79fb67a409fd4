import { describe, expect, it } from 'vitest';
import { nuget, parseNuget } from '../../../src/versioning/nuget/index.js';

const p = (s: string) => {
  const parsed = parseNuget(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('nuget versioning: ranges', () => {
  const table: [string, string, string][] = [
    ['1.0', '1.0', 'affected'],
    ['0.9', '1.0', 'not-affected'],
    ['1.0', '(1.0,)', 'not-affected'],
    ['1.0', '[1.0]', 'affected'],
    ['1.9', '[1.0,2.0)', 'affected'],
    ['2.0', '[1.0,2.0)', 'not-affected'],
    ['0.1', '(,1.0]', 'affected'],
    ['1.0', '[1.0,2.0', 'unknown'],
    ['1.0', '(1.0)', 'unknown'],
  ];
  it.each(table)('%s in "%s" is %s', (version, range, kind) => {
    expect(nuget.satisfies(p(version), range).kind).toBe(kind);
  });
});
