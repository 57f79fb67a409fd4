import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dataRoot } from './vectors.js';

/**
 * Real OSV records from the shared reference data, read in place: the `affected[]`
 * entries of the first `limit` JSON files of one advisory folder, with their ecosystem.
 */
export interface AffectedSample {
  id: string;
  ecosystem: string;
  affected: {
    ranges?: { type: string; events: Record<string, string>[] }[];
    versions?: string[];
  };
}

export function loadAffected(folder: string, limit = Number.POSITIVE_INFINITY): AffectedSample[] {
  const dir = path.join(dataRoot, 'advisories', folder);
  const files = listJson(dir).slice(0, limit);

  const samples: AffectedSample[] = [];
  for (const file of files) {
    const record = JSON.parse(readFileSync(file, 'utf8'));
    for (const affected of record.affected ?? []) {
      const ecosystem = affected.package?.ecosystem;
      if (typeof ecosystem === 'string') samples.push({ id: record.id, ecosystem, affected });
    }
  }
  return samples;
}

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJson(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}
