import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads an upstream test-vector file from the shared reference data, in place. Lines
 * starting with `#` are provenance or section notes; the first other line names the
 * columns. Each row keeps its line number so a failing vector points at its source line.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const dataRoot = path.resolve(repoRoot, '../shared/data');

export interface VectorRow {
  line: number;
  cols: Record<string, string>;
}

export function readVectors(file: string): VectorRow[] {
  const text = readFileSync(path.join(dataRoot, 'versions', file), 'utf8');
  const lines = text.split('\n');

  let header: string[] | undefined;
  const rows: VectorRow[] = [];
  lines.forEach((raw, index) => {
    if (raw === '' || raw.startsWith('#')) return;
    const fields = raw.split('\t');
    if (header === undefined) {
      header = fields;
      return;
    }
    const cols: Record<string, string> = {};
    header.forEach((name, i) => {
      cols[name] = fields[i] ?? '';
    });
    rows.push({ line: index + 1, cols });
  });
  return rows;
}

/** Rows as `[label, row]` pairs for `it.each`, so every vector is its own test. */
export function cases(file: string): [string, Record<string, string>][] {
  return readVectors(file).map((row) => [`${file}:${row.line}`, row.cols]);
}
