import { DrydockError } from '../errors.js';
import { log } from '../log.js';
import { CHECKS } from './registry.js';
import { type CheckContext, type Finding, SEVERITIES } from './types.js';

/**
 * Runs every registered check that applies to the context's target and is not disabled,
 * and turns each check's evidence into one finding. A check that throws is reported as a
 * problem of that check; it never costs the findings of the others.
 */
export interface EngineResult {
  findings: Finding[];
  failed: Array<{ id: string; message: string }>;
}

/** Disabled ids must name real checks: a typo that silently disables nothing is worse. */
export function validateDisabled(disabled: Iterable<string>): Set<string> {
  const known = new Set(CHECKS.map((c) => c.id));
  const ids = new Set([...disabled].map((id) => id.trim().toUpperCase()).filter(Boolean));
  for (const id of ids) {
    if (!known.has(id)) throw new DrydockError('USAGE', `unknown misconfiguration check id ${id}`);
  }
  return ids;
}

export function runChecks(ctx: CheckContext, disabled: Iterable<string> = []): EngineResult {
  const off = validateDisabled(disabled);
  const findings: Finding[] = [];
  const failed: EngineResult['failed'] = [];

  for (const check of CHECKS) {
    if (off.has(check.id) || !check.targets.includes(ctx.target)) continue;
    try {
      const evidence = check.evaluate(ctx);
      if (evidence.length === 0) continue;
      const { id, title, severity, rationale, remedy } = check;
      findings.push({ id, title, severity, rationale, remedy, evidence });
    } catch (err) {
      log().error({ check: check.id, err }, 'misconfiguration check failed');
      failed.push({ id: check.id, message: err instanceof Error ? err.message : String(err) });
    }
  }

  findings.sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
  return { findings, failed };
}

function rank(finding: Finding): number {
  return SEVERITIES.indexOf(finding.severity);
}
