import type { PolicyVerdict, ScanResult, VulnerabilityFinding } from '../findings/types.js';
import type { LicenseFinding } from '../license/types.js';
import { log } from '../log.js';
import type { Action, LicenseRule, Policy, PolicyException } from './policy-file.js';

type Decision = PolicyVerdict['decisions'][number];

/**
 * The one policy gate, shared by the CLI, the service and admission: it returns a copy of
 * the result in which ignored findings are marked suppressed (shown, never dropped) and
 * `policy` holds the verdict. Findings already suppressed by an ignore file or VEX are not
 * judged again. An active exception that matches a finding ignores it before any rule is
 * asked; otherwise the first rule whose condition holds decides, else the default.
 *
 * A deny rule whose condition fails to evaluate counts as matching: a gate MUST fail
 * closed. A warn or ignore rule that fails is skipped, and the error is logged.
 */
export function evaluatePolicy(result: ScanResult, policy: Policy, now = new Date()): ScanResult {
  const today = now.toISOString().slice(0, 10);
  const active = policy.exceptions.filter((e) => e.expires >= today);
  const expired = policy.exceptions.filter((e) => e.expires < today);

  const decisions: Decision[] = [];
  const vulnerabilities = result.vulnerabilities.map((finding) => {
    if (finding.suppressed) return finding;
    const { action, by, reason } = decide(finding, policy, active);
    if (action === 'allow') return finding;

    decisions.push({ id: finding.id, purl: finding.package.purl, action, by });
    if (action !== 'ignore') return finding;
    return { ...finding, suppressed: { by: 'policy' as const, reason } };
  });

  decisions.push(...licenseDecisions(result.licenses ?? [], policy.licenseRules));

  const verdict: PolicyVerdict = {
    passed: !decisions.some((d) => d.action === 'deny'),
    decisions,
    expiredExceptions: expired.map(({ ids, owner, reason, expires }) => ({
      ids,
      owner,
      reason,
      expires,
    })),
  };
  return { ...result, vulnerabilities, policy: verdict };
}

function decide(
  finding: VulnerabilityFinding,
  policy: Policy,
  exceptions: PolicyException[],
): { action: Action | 'allow'; by: string; reason: string } {
  const exception = exceptions.find((e) => exceptionApplies(e, finding));
  if (exception) {
    const { owner, expires } = exception;
    const reason = `exception: ${exception.reason} (owner ${owner}, until ${expires})`;
    return { action: 'ignore', by: 'exception', reason };
  }

  for (const rule of policy.rules) {
    if (!holds(() => rule.test(finding), rule.action, rule.name)) continue;
    return { action: rule.action, by: rule.name, reason: `rule ${rule.name}` };
  }
  return { action: policy.default, by: 'default', reason: 'policy default' };
}

/** Each license finding against the `on: license` rules; the first that holds decides. */
function licenseDecisions(findings: LicenseFinding[], rules: LicenseRule[]): Decision[] {
  if (rules.length === 0) return [];
  const out: Decision[] = [];
  for (const finding of findings) {
    const rule = rules.find((r) => holds(() => r.test(finding), r.action, r.name));
    if (!rule) continue;
    const own = finding.main && finding.main !== 'unknown' ? finding.main : finding.expression;
    const id = `license:${own}`;
    out.push({ id, purl: finding.package.purl, action: rule.action, by: rule.name });
  }
  return out;
}

function exceptionApplies(exception: PolicyException, finding: VulnerabilityFinding): boolean {
  const ids = [finding.id, ...finding.aliases];
  if (exception.ids.length > 0 && !exception.ids.some((id) => ids.includes(id))) return false;
  if (!exception.test) return true;
  const test = exception.test;
  return holds(() => test(finding), 'ignore', `exception for ${exception.ids.join(',')}`);
}

function holds(test: () => boolean, action: Action, name: string): boolean {
  try {
    return test();
  } catch (err) {
    log().warn({ rule: name, err }, 'policy condition failed to evaluate');
    return action === 'deny';
  }
}
