import { Environment } from '@marcbachmann/cel-js';
import { DrydockError } from '../errors.js';
import type { VulnerabilityFinding } from '../findings/types.js';

/**
 * CEL (the expression language Kubernetes admission uses) over one finding. Conditions
 * see a single variable, `finding`, with every field always present so a condition never
 * fails on a missing key:
 *
 *   finding.severity in ["CRITICAL", "HIGH"] && finding.fixed
 *   finding.kev || finding.epss >= 0.5
 *   finding.package.type == "npm" && finding.package.name.startsWith("@internal/")
 */
export type Condition = (finding: VulnerabilityFinding) => boolean;

/** Longest condition accepted; real ones are a line or two. */
const MAX_CONDITION_LENGTH = 4096;

const env = celEnvironment('finding');

export function compileCondition(source: string, where: string): Condition {
  return compileFor(env, 'finding', celView, source, where);
}

/**
 * Parses and type-checks a condition over one variable, and returns a test that fails
 * loudly when the condition yields anything but a bool: a gate must never guess.
 */
export function compileFor<T>(
  environment: Environment,
  variable: string,
  view: (value: T) => Record<string, unknown>,
  source: string,
  where: string,
): (value: T) => boolean {
  if (source.length > MAX_CONDITION_LENGTH) {
    throw new DrydockError(
      'POLICY_INVALID',
      `${where}: condition is longer than ${MAX_CONDITION_LENGTH} characters`,
    );
  }

  let program: ReturnType<typeof environment.parse>;
  try {
    program = environment.parse(source);
  } catch (err) {
    throw new DrydockError('POLICY_INVALID', `${where}: condition "${source}" does not parse`, {
      cause: err,
    });
  }
  const checked = program.check();
  if (!checked.valid || (checked.type !== 'bool' && checked.type !== 'dyn')) {
    const why = checked.error?.message.split('\n')[0] ?? `it yields ${checked.type}, not bool`;
    throw new DrydockError('POLICY_INVALID', `${where}: condition "${source}" is invalid: ${why}`);
  }

  return (value) => {
    const result: unknown = program({ [variable]: view(value) });
    if (typeof result !== 'boolean') {
      throw new DrydockError(
        'POLICY_INVALID',
        `${where}: condition "${source}" did not yield a bool`,
      );
    }
    return result;
  };
}

/** Limits that keep a hostile condition from costing more than a real one. */
export function celEnvironment(variable: string): Environment {
  return new Environment({
    limits: { maxAstNodes: 2000, maxDepth: 50, maxListElements: 1000, maxMapEntries: 100 },
  }).registerVariable(variable, 'map');
}

/** The finding as CEL sees it: flat where that helps, numbers as doubles, no absent keys. */
export function celView(f: VulnerabilityFinding): Record<string, unknown> {
  return {
    id: f.id,
    aliases: f.aliases,
    ids: [f.id, ...f.aliases],
    severity: f.severity.level,
    severitySource: f.severity.source,
    status: f.status,
    fixed: f.fixedVersions.length > 0,
    fixedVersions: f.fixedVersions,
    installedVersion: f.installedVersion,
    kev: f.kev,
    epss: f.epss?.score ?? 0,
    epssPercentile: f.epss?.percentile ?? 0,
    cvss: f.cvss.reduce((max, c) => Math.max(max, c.score), 0),
    priority: f.priority.level,
    priorityScore: f.priority.score,
    package: {
      name: f.package.name,
      version: f.package.version,
      type: f.package.type,
      purl: f.package.purl,
      ecosystem: f.package.ecosystem,
      source: f.package.source?.name ?? '',
    },
    paths: f.paths,
    layer: f.layer?.index ?? -1,
    layerCreatedBy: f.layer?.createdBy ?? '',
    title: f.title ?? '',
  };
}
