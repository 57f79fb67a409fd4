import type { LicenseFinding } from '../license/types.js';
import { celEnvironment, compileFor } from './cel.js';

/**
 * CEL over one package's license finding, for rules with `on: license`. Conditions see
 * one variable, `license`, every field always present:
 *
 *   license.category in ["forbidden", "restricted"]
 *   "AGPL-3.0-only" in license.ids && license.package.type == "npm"
 *   license.expression == "unknown"
 */
export type LicenseCondition = (finding: LicenseFinding) => boolean;

const env = celEnvironment('license');

export function compileLicenseCondition(source: string, where: string): LicenseCondition {
  return compileFor(env, 'license', licenseView, source, where);
}

export function licenseView(f: LicenseFinding): Record<string, unknown> {
  const pkg = f.package;
  return {
    package: { name: pkg.name, version: pkg.version, type: pkg.type, purl: pkg.purl },
    expression: f.expression,
    main: f.main ?? 'unknown',
    category: f.worst,
    ids: f.licenses.filter((l) => l.spdx).map((l) => l.license),
    categories: f.licenses.map((l) => l.category),
    unknown: f.unknown,
    declared: f.declared,
  };
}
