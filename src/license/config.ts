import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DrydockError, errorMessage } from '../errors.js';
import { type CategoryTable, categoryTable } from './categories.js';
import { CATEGORY_ORDER, type LicenseCategory } from './types.js';

/**
 * The user's license categories: a YAML or JSON mapping from an SPDX id, a family ending
 * in `*`, or the exact text of a license that has no id, to a category. Entries override
 * the default table one by one; everything else keeps its default.
 *
 * ```yaml
 * GPL-*: forbidden
 * LicenseRef-acme-eula: notice
 * "Custom": notice
 * ```
 */
const Category = z.enum(CATEGORY_ORDER as [LicenseCategory, ...LicenseCategory[]]);

export const LicenseConfigSchema = z.record(z.string().trim().min(1).max(1024), Category);

export type LicenseConfig = z.infer<typeof LicenseConfigSchema>;

export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Parses and validates a config file's text; `source` names the file in errors. */
export function parseLicenseConfig(text: string, source: string): LicenseConfig {
  if (text.length > MAX_CONFIG_BYTES) {
    throw new DrydockError('LICENSE_CONFIG_INVALID', `license config ${source} is over 1 MiB`);
  }

  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (err) {
    const message = `license config ${source} is not valid yaml or json: ${errorMessage(err)}`;
    throw new DrydockError('LICENSE_CONFIG_INVALID', message, { cause: err });
  }

  const parsed = LicenseConfigSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    const message = `license config ${source} is invalid${where}: ${issue?.message ?? 'bad shape'}`;
    throw new DrydockError('LICENSE_CONFIG_INVALID', message);
  }
  return parsed.data;
}

/** The user's entries as a table consulted before the default one. */
export function userCategories(config: LicenseConfig | undefined): CategoryTable | undefined {
  if (!config) return undefined;
  return categoryTable(Object.entries(config));
}
