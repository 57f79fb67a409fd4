/** How many distinct CVEs a set of advisory ids names: more than one means several problems. */
export function cveCount(ids: string[]): number {
  return new Set(ids.filter((id) => id.startsWith('CVE-'))).size;
}
