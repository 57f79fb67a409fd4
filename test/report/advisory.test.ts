import { describe, expect, it } from 'vitest';
import { advisoryFor, idSource, isoDateTime } from '../../src/report/advisory.js';

describe('report advisory: idSource', () => {
  it.each([
    ['CVE-2024-5535', 'NVD', 'https://nvd.nist.gov/vuln/detail/CVE-2024-5535'],
    ['GHSA-35jh-r3h4-6jhm', 'GitHub', 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm'],
    ['PYSEC-2023-192', 'OSV', 'https://osv.dev/vulnerability/PYSEC-2023-192'],
    ['DSA-5727-1', 'OSV', 'https://osv.dev/vulnerability/DSA-5727-1'],
    ['GHSA-not-valid', 'OSV', 'https://osv.dev/vulnerability/GHSA-not-valid'],
    ['../../x?y#z', 'OSV', 'https://osv.dev/vulnerability/..%2F..%2Fx%3Fy%23z'],
    ['CVE-2024-1/../../evil', 'OSV', 'https://osv.dev/vulnerability/CVE-2024-1%2F..%2F..%2Fevil'],
  ])('%j is read at %s: %s', (id, name, url) => {
    expect(idSource(id)).toEqual({ name, url });
    expect(advisoryFor(id)).toBe(url);
  });
});

describe('report advisory: isoDateTime', () => {
  it.each([
    ['2021-02-15', '2021-02-15T00:00:00Z'],
    ['2024-06-27T11:15:00.123Z', '2024-06-27T11:15:00Z'],
    ['2024-06-27T13:15:00+02:00', '2024-06-27T11:15:00Z'],
    ['not a date', undefined],
    ['', undefined],
  ])('%j gives %j', (input, expected) => {
    expect(isoDateTime(input)).toBe(expected);
  });
});
