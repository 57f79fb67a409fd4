import { createHash } from 'node:crypto';
import type { ScanResult, VulnerabilityFinding } from '../findings/types.js';

/**
 * The triage state as an OpenVEX 0.2.0 document (`--vex-out`): one statement per finding.
 * Open findings are `affected` with the upgrade to make; VEX-suppressed ones keep their
 * status and justification; ones an ignore file or policy suppressed are `not_affected`
 * with the recorded reason as the impact statement, since OpenVEX requires one of the two.
 */
export function renderOpenVex(result: ScanResult, now = new Date()): string {
  const statements = result.vulnerabilities.map(statementOf);
  const body = JSON.stringify(statements);
  const doc = {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': `urn:drydock:vex:${createHash('sha256').update(body).digest('hex')}`,
    author: 'drydock',
    timestamp: now.toISOString(),
    version: 1,
    tooling: `drydock ${result.generator.version}`,
    statements,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function statementOf(f: VulnerabilityFinding): Record<string, unknown> {
  const vulnerability: Record<string, unknown> = { name: f.id };
  if (f.aliases.length > 0) vulnerability.aliases = f.aliases;
  const base = { vulnerability, products: [{ '@id': f.package.purl }] };

  if (!f.suppressed) {
    const action =
      f.fixedVersions.length > 0
        ? `update ${f.package.name} to ${f.fixedVersions.join(' or ')}`
        : `no fix available (${f.status}); mitigate or accept`;
    return { ...base, status: 'affected', action_statement: action };
  }

  const isFixed = f.suppressed.by === 'vex' && f.suppressed.reason.startsWith('fixed');
  if (isFixed) return { ...base, status: 'fixed' };
  const statement: Record<string, unknown> = { ...base, status: 'not_affected' };
  if (f.suppressed.justification && JUSTIFICATIONS.has(f.suppressed.justification)) {
    statement.justification = f.suppressed.justification;
  }
  statement.impact_statement = f.suppressed.reason;
  return statement;
}

/** OpenVEX's justification labels (spec section "Status Justifications"). */
const JUSTIFICATIONS = new Set([
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
]);
