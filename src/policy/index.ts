import type { ScanResult } from '../findings/types.js';
import { evaluatePolicy } from './evaluate.js';
import { applyFilters, type Filters } from './filters.js';
import { applyIgnores, type IgnoreEntry } from './ignore-file.js';
import type { Policy } from './policy-file.js';
import { applyVex } from './vex-apply.js';
import type { VexStatement } from './vex-in.js';

export { compileCondition } from './cel.js';
export { evaluatePolicy } from './evaluate.js';
export { applyFilters, type Filters, parseSeverities } from './filters.js';
export { applyIgnores, type IgnoreEntry, parseIgnoreFile } from './ignore-file.js';
export { flagPolicy, type Policy, parsePolicy } from './policy-file.js';
export { applyVex } from './vex-apply.js';
export { parseVex, type VexDocument, type VexStatement } from './vex-in.js';
export { renderOpenVex } from './vex-out.js';

/**
 * Everything that decides what a result means, in a fixed order: the display filters,
 * then the ignore file, then VEX, then the policy gate. The CLI and the service both call
 * this, so a finding is judged the same way wherever drydock runs.
 */
export interface TriageInput extends Filters {
  ignores?: IgnoreEntry[];
  vex?: VexStatement[];
  policy?: Policy;
  now?: Date;
}

export function triage(result: ScanResult, input: TriageInput): ScanResult {
  const now = input.now ?? new Date();
  let out = applyFilters(result, input);

  const warnings = [...(out.warnings ?? [])];
  if (input.ignores) {
    const ignored = applyIgnores(out, input.ignores, now);
    out = ignored.result;
    warnings.push(...ignored.warnings);
  }
  if (input.vex) out = applyVex(out, input.vex);
  if (input.policy) {
    out = evaluatePolicy(out, input.policy, now);
    for (const e of out.policy?.expiredExceptions ?? []) {
      warnings.push(
        `policy exception for ${e.ids.join(', ') || 'a condition'} (owner ${e.owner}) ` +
          `expired on ${e.expires}; it no longer applies`,
      );
    }
  }

  if (warnings.length > 0) out = { ...out, warnings };
  return out;
}
