import type { AdvisoryRecord } from '../vulndb/reader.js';
import type { EntryVerdict } from './evaluate.js';
import type { Hit, Lookup } from './types.js';

/**
 * Turns each advisory record's entries into at most one hit. A record is affected when any
 * of its entries for the package is; it is unknown when none is affected and one could not
 * be evaluated. Withdrawn records are skipped: their source took them back.
 */
export function judgeRecords(
  records: AdvisoryRecord[],
  lookup: Lookup,
  evaluate: (entry: AdvisoryRecord['affected'][number], version: string) => EntryVerdict,
): Hit[] {
  const hits: Hit[] = [];
  for (const advisory of records) {
    if (advisory.withdrawn) continue;

    let unknownReason: string | undefined;
    let affected: Hit | undefined;
    for (const entry of advisory.affected) {
      const verdict = evaluate(entry, lookup.version);
      if (verdict.kind === 'unknown') unknownReason ??= verdict.reason;
      if (verdict.kind !== 'affected') continue;

      affected = mergeAffected(affected, advisory, lookup, verdict.fixed, entry);
    }

    if (affected) hits.push(affected);
    else if (unknownReason) hits.push({ kind: 'unknown', advisory, lookup, reason: unknownReason });
  }
  return hits;
}

function mergeAffected(
  previous: Hit | undefined,
  advisory: AdvisoryRecord,
  lookup: Lookup,
  fixed: string[],
  entry: AdvisoryRecord['affected'][number],
): Hit {
  const prior = previous?.kind === 'affected' ? previous : undefined;
  const allFixed = [...new Set([...(prior?.fixed ?? []), ...fixed])];
  const status =
    allFixed.length > 0
      ? 'fixed'
      : entry.status && entry.status !== 'not-affected'
        ? entry.status
        : 'unfixed';
  const hit: Hit = { kind: 'affected', advisory, lookup, fixed: allFixed, status };
  const severity = entry.severity ?? prior?.distroSeverity;
  if (severity) hit.distroSeverity = severity;
  return hit;
}
