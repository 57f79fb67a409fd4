import type { CatalogProblem, Distro } from '../catalog/types.js';
import type { Property } from './properties.js';
import type { Target } from './types.js';

/**
 * The `drydock:` pairs that describe the document rather than one package: the target,
 * the distro and the problems the catalogers met. Both formats write and read them here.
 */
export function distroProperties(distro: Distro): Property[] {
  const props: Property[] = [{ name: 'drydock:distro:id', value: distro.id }];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) props.push({ name: `drydock:distro:${name}`, value });
  };

  add('versionId', distro.versionId);
  add('codename', distro.codename);
  add('prettyName', distro.prettyName);
  for (const like of distro.idLike ?? []) add('idLike', like);
  return props;
}

/** The distro from drydock's pairs, or from Syft's `syft:distro:` ones. */
export function readDistro(props: readonly Property[]): Distro | undefined {
  const own = props.some((p) => p.name === 'drydock:distro:id');
  const prefix = own ? 'drydock:distro:' : 'syft:distro:';
  const names: Record<string, keyof Distro> = own
    ? { id: 'id', versionId: 'versionId', codename: 'codename', prettyName: 'prettyName' }
    : { id: 'id', versionID: 'versionId', versionCodename: 'codename', prettyName: 'prettyName' };

  const distro: Partial<Distro> = {};
  for (const { name, value } of props) {
    if (!name.startsWith(prefix)) continue;

    const key = name.slice(prefix.length);
    if (key === 'idLike') distro.idLike = [...(distro.idLike ?? []), ...value.split(/[\s,]+/)];
    else if (Object.hasOwn(names, key)) (distro as Record<string, string>)[names[key]!] = value;
  }

  if (!distro.id) return undefined;
  if (distro.idLike !== undefined) distro.idLike = distro.idLike.filter((v) => v !== '');
  return distro as Distro;
}

export function targetProperties(target: Target): Property[] {
  const props: Property[] = [{ name: 'drydock:target:kind', value: target.kind }];
  if (target.digest) props.push({ name: 'drydock:target:digest', value: target.digest });
  if (target.platform) props.push({ name: 'drydock:target:platform', value: target.platform });
  return props;
}

const TARGET_KINDS: readonly string[] = ['image', 'filesystem', 'sbom'];

/** The target from drydock's pairs; `fallbackKind` when the document was written elsewhere. */
export function readTarget(
  name: string,
  props: readonly Property[],
  fallback: Omit<Target, 'name'>,
): Target {
  const kind = props.find((p) => p.name === 'drydock:target:kind')?.value;
  if (kind === undefined || !TARGET_KINDS.includes(kind)) return { name, ...fallback };

  const target: Target = { kind: kind as Target['kind'], name };
  const digest = props.find((p) => p.name === 'drydock:target:digest')?.value;
  const platform = props.find((p) => p.name === 'drydock:target:platform')?.value;
  if (digest !== undefined) target.digest = digest;
  if (platform !== undefined) target.platform = platform;
  return target;
}

export function problemProperties(problems: readonly CatalogProblem[]): Property[] {
  return problems.flatMap((problem, i) => {
    const props: Property[] = [
      { name: `drydock:problem:${i}:cataloger`, value: problem.cataloger },
      { name: `drydock:problem:${i}:path`, value: problem.path },
      { name: `drydock:problem:${i}:message`, value: problem.message },
    ];
    if (problem.layer !== undefined) {
      props.push({ name: `drydock:problem:${i}:layer`, value: String(problem.layer) });
    }
    return props;
  });
}

const PROBLEM = /^drydock:problem:(\d{1,6}):(cataloger|path|message|layer)$/;

export function readProblems(props: readonly Property[]): CatalogProblem[] {
  const byIndex = new Map<number, Partial<CatalogProblem>>();
  for (const { name, value } of props) {
    const m = PROBLEM.exec(name);
    if (m === null) continue;

    const entry = byIndex.get(Number(m[1])) ?? {};
    if (m[2] === 'layer') {
      if (/^\d{1,6}$/.test(value)) entry.layer = Number(value);
    } else entry[m[2] as 'cataloger' | 'path' | 'message'] = value;
    byIndex.set(Number(m[1]), entry);
  }

  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, p]) => p)
    .filter((p): p is CatalogProblem => p.cataloger !== undefined && p.path !== undefined)
    .map((p) => ({ ...p, message: p.message ?? '' }));
}
