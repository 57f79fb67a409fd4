/**
 * Where people read about an advisory id. CVE ids point at NVD, GHSA ids at GitHub's
 * database, everything else at OSV, which mirrors the distro and ecosystem feeds drydock
 * reads. Ids come from feeds, so they are percent-encoded into the address.
 */
export interface IdSource {
  name: string;
  url: string;
}

export function idSource(id: string): IdSource {
  const safe = encodeURIComponent(id);
  if (/^CVE-\d{4}-\d+$/i.test(id)) {
    return { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${safe}` };
  }
  if (/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i.test(id)) {
    return { name: 'GitHub', url: `https://github.com/advisories/${safe}` };
  }
  return { name: 'OSV', url: `https://osv.dev/vulnerability/${safe}` };
}

export function advisoryFor(id: string): string {
  return idSource(id).url;
}

/** A date or date-time from a feed as an RFC 3339 date-time, or undefined if unreadable. */
export function isoDateTime(value: string): string | undefined {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
