import type { AdvisoryRecord } from '../vulndb/reader.js';

const CVE = /^CVE-\d{4}-\d{4,}$/;

/**
 * Which problems a package's records describe. A CVE names one problem; a record that
 * lists several (a DSA fixing five CVEs) speaks for each of them, so it joins each CVE's
 * group instead of fusing five problems into one. Records with no CVE at all (a GO id and
 * its GHSA) are joined through the ids they share.
 *
 * The DB's `groupKey` links records transitively across every feed; on real data one
 * multi-CVE record chains unrelated CVEs together, so grouping here uses only the ids of
 * the records that matched this package.
 */
export function groupByProblem<T extends { advisory: AdvisoryRecord }>(
  hits: T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  const add = (key: string, hit: T) => groups.set(key, [...(groups.get(key) ?? []), hit]);
  const others: T[] = [];

  for (const hit of hits) {
    const cves = idsOf(hit.advisory).filter((id) => CVE.test(id));
    if (cves.length === 0) others.push(hit);
    for (const cve of cves) add(cve, hit);
  }

  for (const [key, members] of joinByIds(others)) {
    const cve = [...groups.keys()].find((k) => members.some((m) => idsOf(m.advisory).includes(k)));
    for (const hit of members) add(cve ?? key, hit);
  }
  return groups;
}

function idsOf(advisory: AdvisoryRecord): string[] {
  return [advisory.id, ...advisory.aliases];
}

function joinByIds<T extends { advisory: AdvisoryRecord }>(hits: T[]): Map<string, T[]> {
  const parent = hits.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };

  const owner = new Map<string, number>();
  hits.forEach((hit, i) => {
    for (const id of idsOf(hit.advisory)) {
      const j = owner.get(id);
      if (j === undefined) owner.set(id, i);
      else parent[find(i)] = find(j);
    }
  });

  const groups = new Map<string, T[]>();
  hits.forEach((hit, i) => {
    const root = hits[find(i)]!;
    const key = idsOf(root.advisory).sort()[0]!;
    groups.set(key, [...(groups.get(key) ?? []), hit]);
  });
  return groups;
}
