/**
 * Links for an advisory's ids. The DB keeps each record's own reference list out of the
 * lookup path, so findings point at the pages that define each id instead.
 */
const PAGES: Array<[RegExp, (id: string) => string]> = [
  [/^CVE-\d{4}-\d+$/, (id) => `https://nvd.nist.gov/vuln/detail/${id}`],
  [/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/, (id) => `https://github.com/advisories/${id}`],
  [/^GO-\d{4}-\d+$/, (id) => `https://pkg.go.dev/vuln/${id}`],
  [/^RUSTSEC-\d{4}-\d+$/, (id) => `https://rustsec.org/advisories/${id}.html`],
  [/^(DSA|DLA)-\d+(-\d+)?$/, (id) => `https://security-tracker.debian.org/tracker/${id}`],
  [/^(PYSEC|ALSA|ALBA|ALEA|USN|UBUNTU|CGA)-[\w-]+$/, (id) => `https://osv.dev/vulnerability/${id}`],
];

export function referencesFor(ids: string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const page = PAGES.find(([pattern]) => pattern.test(id));
    if (page) out.push(page[1](id));
  }
  return out;
}
