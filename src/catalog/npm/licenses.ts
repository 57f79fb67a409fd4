import { z } from 'zod';

/**
 * npm's license declarations: `license` as an SPDX expression, or the deprecated
 * `{ type }` object and `licenses: [{ type }]` array older packages still carry.
 */
const LicenseObject = z.object({ type: z.string() });

export const LicenseField = z.union([z.string(), LicenseObject]).optional().catch(undefined);
export const LicensesField = z
  .array(z.union([z.string(), LicenseObject]))
  .optional()
  .catch(undefined);

type One = z.infer<typeof LicenseField>;

export function npmLicenses(license: One, licenses?: One[]): string[] {
  const all = [license, ...(licenses ?? [])]
    .map((item) => (typeof item === 'string' ? item : item?.type))
    .filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  return [...new Set(all.map((item) => item.trim()))];
}
