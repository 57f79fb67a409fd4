import { PackageURL } from 'packageurl-js';
import type { ScanResult, VulnerabilityFinding } from '../findings/types.js';
import type { VexStatement } from './vex-in.js';

/**
 * Applies VEX statements: `not_affected` and `fixed` suppress the finding, which stays in
 * the report marked with the statement's justification. A statement matches when it
 * names the finding's id or an alias and, if it lists products, one of them is the
 * finding's package (type, namespace and name; the version too when the product has one).
 */
export function applyVex(result: ScanResult, statements: VexStatement[]): ScanResult {
  const vulnerabilities = result.vulnerabilities.map((finding) => {
    if (finding.suppressed) return finding;
    const statement = statements.find((s) => applies(s, finding));
    if (!statement || (statement.status !== 'not_affected' && statement.status !== 'fixed')) {
      return finding;
    }

    const suppressed: NonNullable<VulnerabilityFinding['suppressed']> = {
      by: 'vex',
      reason: statement.statement ?? `${statement.status.replace('_', ' ')} per VEX`,
    };
    if (statement.justification) suppressed.justification = statement.justification;
    return { ...finding, suppressed };
  });
  return { ...result, vulnerabilities };
}

function applies(statement: VexStatement, finding: VulnerabilityFinding): boolean {
  const ids = [finding.id, ...finding.aliases];
  if (!statement.ids.some((id) => ids.includes(id))) return false;
  if (statement.products.length === 0) return true;
  return statement.products.some((p) => samePackage(p, finding.package.purl));
}

function samePackage(productPurl: string, findingPurl: string): boolean {
  const a = parse(productPurl);
  const b = parse(findingPurl);
  if (!a || !b) return productPurl === findingPurl;
  if (a.type !== b.type || a.name !== b.name) return false;
  if ((a.namespace ?? '') !== (b.namespace ?? '')) return false;
  return !a.version || a.version === b.version;
}

function parse(purl: string): PackageURL | undefined {
  try {
    return PackageURL.fromString(purl);
  } catch {
    return undefined;
  }
}
