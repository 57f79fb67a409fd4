import { describe, expect, it } from 'vitest';
import { parseGem, rubygems } from '../../../src/versioning/rubygems/index.js';
import { cases } from '../vectors.js';

const p = (s: string) => {
  const parsed = parseGem(s);
  if (!parsed.ok) throw new Error(`fixture ${s} did not parse: ${parsed.reason}`);
  return parsed.value;
};

describe('rubygems versioning: test_gem_requirement.rb', () => {
  it.each(cases('rubygems-requirement.tsv'))('satisfies %s', (_label, row) => {
    const result = rubygems.satisfies(p(row.version!), row.range!);
    expect(result.kind).toBe(row.expected === 'true' ? 'affected' : 'not-affected');
  });
});
