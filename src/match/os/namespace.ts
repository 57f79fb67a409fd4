import type { Distro } from '../../catalog/types.js';

/**
 * The OSV ecosystem that holds a distro release's advisories, named as the DB names it
 * (osv-schema ecosystems.json): `Debian:11`, `Ubuntu:18.04:LTS`, `Alpine:v3.11`,
 * `AlmaLinux:9`, `Wolfi`. Undefined when drydock has no rule for the distro, so the
 * caller can say so instead of reporting a clean result.
 */
type Rule = (release: string | undefined) => string | undefined;

const major = (release?: string) => /^(\d+)/.exec(release ?? '')?.[1];

const RULES: Readonly<Record<string, Rule>> = {
  debian: (r) => (major(r) ? `Debian:${major(r)}` : undefined),
  ubuntu: ubuntuRelease,
  alpine: (r) => {
    const m = /^(\d+)\.(\d+)/.exec(r ?? '');
    return m ? `Alpine:v${m[1]}.${m[2]}` : undefined;
  },
  almalinux: (r) => (major(r) ? `AlmaLinux:${major(r)}` : undefined),
  rocky: (r) => (major(r) ? `Rocky Linux:${major(r)}` : undefined),
  rhel: (r) => (major(r) ? `Red Hat:${major(r)}` : undefined),
  wolfi: () => 'Wolfi',
  chainguard: () => 'Chainguard',
};

/** Ubuntu's even-year April releases are LTS, and the tracker names them so. */
function ubuntuRelease(release: string | undefined): string | undefined {
  const m = /^(\d{2})\.(\d{2})/.exec(release ?? '');
  if (!m) return undefined;
  const lts = Number(m[1]) % 2 === 0 && m[2] === '04';
  return `Ubuntu:${m[1]}.${m[2]}${lts ? ':LTS' : ''}`;
}

export function distroEcosystem(distro: Distro | undefined): string | undefined {
  if (!distro) return undefined;
  const rule = RULES[distro.id] ?? distro.idLike?.map((id) => RULES[id]).find(Boolean);
  return rule?.(distro.versionId);
}

/** Distros whose trackers speak of source packages rather than binary ones. */
export const BY_SOURCE: ReadonlySet<string> = new Set(['debian', 'ubuntu', 'alpine', 'wolfi']);
