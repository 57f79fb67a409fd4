import { describe, expect, it } from 'vitest';
import { maven, parseMaven } from '../../../src/versioning/maven/index.js';

const p = (s: string) => {
  const parsed = parseMaven(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('maven versioning: ranges', () => {
  const table: [string, string, string][] = [
    ['1.5', '[1.0,2.0)', 'affected'],
    ['2.0', '[1.0,2.0)', 'not-affected'],
    ['1.0', '(,1.0]', 'affected'],
    ['1.0-SNAPSHOT', '(,1.0)', 'affected'],
    ['1.2', '[1.2]', 'affected'],
    ['1.2.0', '1.2', 'affected'],
    ['1.1', '(,1.0],[1.2,)', 'not-affected'],
    ['3.0', '(,1.0],[1.2,)', 'affected'],
    ['1.0', '[1.0,2.0', 'unknown'],
    ['1.0', '[1,2,3]', 'unknown'],
    ['1.0', '(1.0)', 'unknown'],
  ];
  it.each(table)('%s in "%s" is %s', (version, range, kind) => {
    expect(maven.satisfies(p(version), range).kind).toBe(kind);
  });
});
