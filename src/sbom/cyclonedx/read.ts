import type { CatalogProblem, Distro, Package } from '../../catalog/types.js';
import { DrydockError } from '../../errors.js';
import { log } from '../../log.js';
import { sortInventory } from '../canonical.js';
import { readDistro, readProblems, readTarget } from '../document-properties.js';
import type { Property } from '../properties.js';
import { distroFromPackages } from '../purl.js';
import { readPackage } from '../read-package.js';
import type { SbomReadResult, Target } from '../types.js';
import {
  bomSchema,
  type CdxComponentIn,
  componentSchema,
  describeIssues,
  expressionSchema,
  licenseSchema,
  propertySchema,
} from './schema.js';

/**
 * Reads a CycloneDX JSON document (1.2 to 1.6) back into an inventory. Components nested
 * under other components are read too, to a bounded depth, since some writers group
 * packages under the application or file they were found in.
 */
const MAX_DEPTH = 16;
const CATALOGER = 'sbom-cyclonedx';

interface Found {
  component: CdxComponentIn;
  where: string;
}

export function readCycloneDx(doc: unknown, path: string): SbomReadResult {
  const parsed = bomSchema.safeParse(doc);
  if (!parsed.success) {
    const why = describeIssues(parsed.error);
    throw new DrydockError('SBOM_INVALID', `invalid cyclonedx document ${path}: ${why}`);
  }

  const bom = parsed.data;
  const problems: CatalogProblem[] = [];
  const report = (message: string) => problems.push({ cataloger: CATALOGER, path, message });
  const found = collect(bom.components ?? [], 'components', 0, report);

  const os = found.find((f) => f.component.type === 'operating-system');
  let distro = os === undefined ? undefined : osDistro(os.component, report);
  const packages = readPackages(found, distro, report);
  distro ??= distroFromPackages(packages);

  const metadataProps = properties(bom.metadata?.properties, 'metadata', report);
  const inventory = sortInventory({
    ...(distro !== undefined ? { distro } : {}),
    packages,
    problems: [...readProblems(metadataProps), ...problems],
  });

  const result: SbomReadResult = { kind: 'cyclonedx', specVersion: bom.specVersion, inventory };
  const target = readSubject(bom.metadata?.component, report);
  if (target !== undefined) result.target = target;
  return result;
}

function collect(list: unknown[], where: string, depth: number, report: (m: string) => void) {
  const out: Found[] = [];
  if (depth > MAX_DEPTH) {
    report(`${where}: components nested deeper than ${MAX_DEPTH} levels were not read`);
    return out;
  }

  list.forEach((raw, i) => {
    const at = `${where}[${i}]`;
    const parsed = componentSchema.safeParse(raw);
    if (!parsed.success) {
      report(`${at}: unreadable component: ${describeIssues(parsed.error)}`);
      return;
    }
    out.push({ component: parsed.data, where: at });
    out.push(...collect(parsed.data.components ?? [], `${at}.components`, depth + 1, report));
  });
  return out;
}

function readPackages(found: Found[], distro: Distro | undefined, report: (m: string) => void) {
  const packages: Package[] = [];
  for (const { component, where } of found) {
    // Only software packages are inventory; the OS, files and services are context.
    if (!['library', 'application', 'framework'].includes(component.type)) continue;

    const result = readPackage(
      {
        name: component.name,
        version: component.version ?? '',
        licenses: licenses(component.licenses, where, report),
        properties: properties(component.properties, where, report),
        paths: (component.evidence?.occurrences ?? []).map((o) => o.location),
        ...(component.purl !== undefined ? { purl: component.purl } : {}),
      },
      distro,
    );
    if ('error' in result) {
      // Writers group packages under an application named after a lockfile or binary.
      if (component.type === 'application' && component.purl === undefined) {
        log().debug({ where, name: component.name }, 'cyclonedx application without purl skipped');
      } else report(`${where}: ${result.error}`);
      continue;
    }
    for (const warning of result.warnings) report(`${where}: ${warning}`);
    packages.push(result.pkg);
  }
  return packages;
}

function properties(list: unknown[] | undefined, where: string, report: (m: string) => void) {
  const out: Property[] = [];
  (list ?? []).forEach((raw, i) => {
    const parsed = propertySchema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else report(`${where}.properties[${i}]: unreadable property`);
  });
  return out;
}

function licenses(list: unknown[] | undefined, where: string, report: (m: string) => void) {
  const out: string[] = [];
  (list ?? []).forEach((raw, i) => {
    const value = licenseText(raw);
    if (value === null) report(`${where}.licenses[${i}]: unreadable license entry`);
    else if (value !== '') out.push(value);
    else log().debug({ where, index: i }, 'cyclonedx license entry names no license');
  });
  return out;
}

/** The id, name or expression; '' for an entry that names none (a URL alone), null if broken. */
function licenseText(raw: unknown): string | null {
  const expression = expressionSchema.safeParse(raw);
  if (expression.success) return expression.data.expression;

  const license = licenseSchema.safeParse(raw);
  if (!license.success) return null;
  return license.data.license.id || license.data.license.name || '';
}

function osDistro(component: CdxComponentIn, report: (m: string) => void): Distro | undefined {
  const props = properties(component.properties, 'operating-system', report);
  const fromProps = readDistro(props);
  if (fromProps !== undefined) return fromProps;

  const distro: Distro = { id: component.name.toLowerCase() };
  if (component.version) distro.versionId = component.version;
  if (component.description) distro.prettyName = component.description;
  return distro;
}

function readSubject(raw: unknown, report: (m: string) => void): Target | undefined {
  if (raw === undefined) return undefined;

  const parsed = componentSchema.safeParse(raw);
  if (!parsed.success) {
    report(`metadata.component: unreadable component: ${describeIssues(parsed.error)}`);
    return undefined;
  }
  const c = parsed.data;
  const digest = /^sha256:[0-9a-f]{64}$/.test(c.version ?? '') ? c.version : undefined;
  const fallback: Omit<Target, 'name'> = { kind: c.type === 'container' ? 'image' : 'filesystem' };
  if (digest !== undefined) fallback.digest = digest;
  return readTarget(c.name, properties(c.properties, 'metadata.component', report), fallback);
}
