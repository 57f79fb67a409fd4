import type { z } from 'zod';
import { type CatalogValue, decodeText } from './cataloger.js';

export type JsonRead<T> = { ok: true; data: T } | { ok: false; value: CatalogValue };

/**
 * Reads a JSON file and checks it against the schema of its format. A file that is not
 * JSON, or not that format, yields the catalog value to return: no packages and one
 * problem naming the file and the reason.
 */
export function readJsonFile<T>(
  bytes: Buffer,
  path: string,
  schema: z.ZodType<T>,
  notThisFormat: string,
): JsonRead<T> {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes));
  } catch (err) {
    return problem(path, `invalid json: ${(err as Error).message}`);
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) return problem(path, notThisFormat);
  return { ok: true, data: parsed.data };
}

function problem(path: string, message: string): JsonRead<never> {
  return { ok: false, value: { packages: [], problems: [{ path, message }] } };
}
