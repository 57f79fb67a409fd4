import { DrydockError } from '../errors.js';
import { type ScanResult, SEVERITY_ORDER, type SeverityLevel } from '../findings/types.js';

/**
 * The display filters `--severity` and `--ignore-unfixed`: they narrow what is reported
 * and gated, as users of other scanners expect. Suppression (ignore file, VEX, policy)
 * is different: it keeps the finding and marks it.
 */
export interface Filters {
  severities?: SeverityLevel[];
  ignoreUnfixed?: boolean;
}

export function parseSeverities(text: string): SeverityLevel[] {
  const out = text
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  for (const level of out) {
    if (!(SEVERITY_ORDER as readonly string[]).includes(level)) {
      throw new DrydockError(
        'USAGE',
        `unknown severity "${level}"; choose from ${SEVERITY_ORDER.join(', ')}`,
      );
    }
  }
  return out as SeverityLevel[];
}

export function applyFilters(result: ScanResult, filters: Filters): ScanResult {
  const { severities, ignoreUnfixed } = filters;
  const vulnerabilities = result.vulnerabilities.filter((f) => {
    if (severities && severities.length > 0 && !severities.includes(f.severity.level)) return false;
    return !(ignoreUnfixed && f.status !== 'fixed');
  });
  return { ...result, vulnerabilities };
}
