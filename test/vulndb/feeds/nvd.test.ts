import { describe, expect, it } from 'vitest';
import { nvdParser } from '../../../src/vulndb/feeds/nvd.js';

// Shape from the NVD CVE API 2.0 documentation (vulnerabilities[].cve with metrics).
const page = {
  resultsPerPage: 2,
  startIndex: 0,
  totalResults: 2,
  format: 'NVD_CVE',
  version: '2.0',
  timestamp: '2024-01-01T00:00:00.000',
  vulnerabilities: [
    {
      cve: {
        id: 'CVE-2021-44228',
        published: '2021-12-10T10:15:09.143',
        metrics: {
          cvssMetricV31: [
            {
              source: 'nvd@nist.gov',
              type: 'Primary',
              cvssData: {
                version: '3.1',
                vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
                baseScore: 10.0,
                baseSeverity: 'CRITICAL',
              },
            },
          ],
          cvssMetricV2: [
            {
              source: 'nvd@nist.gov',
              type: 'Primary',
              cvssData: {
                version: '2.0',
                vectorString: 'AV:N/AC:M/Au:N/C:C/I:C/A:C',
                baseScore: 9.3,
              },
              baseSeverity: 'HIGH',
            },
          ],
        },
        weaknesses: [
          {
            source: 'nvd@nist.gov',
            type: 'Primary',
            description: [
              { lang: 'en', value: 'CWE-502' },
              { lang: 'en', value: 'NVD-CWE-Other' },
            ],
          },
        ],
      },
    },
    { cve: { id: 'not-a-cve' } },
  ],
};

describe('vulndb nvd parser', () => {
  it('detects an API 2.0 page by its format field', () => {
    expect(nvdParser.detect({ path: 'page.json', head: JSON.stringify(page).slice(0, 200) })).toBe(
      true,
    );
  });

  it('turns metrics and weaknesses into an enrichment, reporting a bad item', () => {
    const result = nvdParser.parse({ path: 'page.json', text: JSON.stringify(page) });

    expect(result.enrichments).toEqual([
      {
        id: 'CVE-2021-44228',
        severities: [
          {
            source: 'nvd',
            type: 'CVSS_V3',
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
            score: 10,
            rating: 'critical',
          },
          {
            source: 'nvd',
            type: 'CVSS_V2',
            vector: 'AV:N/AC:M/Au:N/C:C/I:C/A:C',
            score: 9.3,
            rating: 'high',
          },
        ],
        cwes: ['CWE-502'],
      },
    ]);
    expect(result.problems).toEqual([
      { path: 'page.json#vulnerabilities[1]', reason: 'id: not a CVE id' },
    ]);
  });
});
