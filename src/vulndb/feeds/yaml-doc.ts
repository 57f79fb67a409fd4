import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { errorMessage } from '../../errors.js';
import { type Advisory, emptyResult, type FeedResult } from '../model.js';
import { problem, schemaReason } from './common.js';
import type { FeedFile } from './types.js';

/**
 * Reads a YAML document with the failsafe schema, so every scalar stays the string the
 * feed wrote: versions such as `1.10` or `2.0` would otherwise become the numbers 1.1
 * and 2. Only YAML's null spellings are turned back into null. Aliases are capped so a
 * "billion laughs" file costs a reason, not the process.
 */
export function readYaml(
  text: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: nulls(parseYaml(text, { schema: 'failsafe', maxAliasCount: 100 })) };
  } catch (err) {
    return { ok: false, reason: `invalid yaml: ${errorMessage(err).split('\n')[0]}` };
  }
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

function nulls(value: unknown): unknown {
  if (typeof value === 'string') return NULLS.has(value) ? null : value;
  if (Array.isArray(value)) return value.map(nulls);
  if (typeof value !== 'object' || value === null) return value;

  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = nulls(v);
  return out;
}

/**
 * Parses a feed whose files each hold one advisory as YAML (RubySec, FriendsOfPHP): the
 * file is read, checked against the record schema and converted, or it costs one problem
 * naming the file and the reason.
 */
export function parseYamlRecord<T>(
  file: FeedFile,
  schema: z.ZodType<T>,
  toAdvisory: (record: T, path: string) => Advisory,
): FeedResult {
  const result = emptyResult();
  const raw = readYaml(file.text);
  if (!raw.ok) {
    result.problems.push(problem(file.path, raw.reason));
    return result;
  }
  const record = schema.safeParse(raw.value);
  if (!record.success) {
    result.problems.push(problem(file.path, schemaReason(record.error)));
    return result;
  }
  result.advisories.push(toAdvisory(record.data, file.path));
  return result;
}
