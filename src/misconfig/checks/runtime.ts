import type { Check, CheckContext, Evidence, Origin, Sourced } from '../types.js';
import { fromOrigin } from './shared.js';

/** Checks of what a container starts with: its user, health check, ports and environment. */
const BOTH = ['image', 'dockerfile'] as const;

export const rootUser: Check = {
  id: 'DD-IMG-001',
  title: 'Runs as root',
  severity: 'HIGH',
  rationale:
    'A process running as uid 0 keeps root inside the container, so any escape or ' +
    'writable host mount is root on the host too.',
  remedy: 'Create an unprivileged user and add USER with its name or uid (not 0) at the end.',
  targets: BOTH,
  evaluate(ctx) {
    const user = ctx.runtime.user;
    if (!user) return [{ detail: 'no USER is set, so the container runs as root' }];
    if (user.value.trim() === '') {
      const detail =
        'USER is empty with the default build arguments, so the container runs as root';
      return [fromOrigin(user.origin, detail)];
    }
    const name = user.value.split(':')[0]!.trim();
    if (name === '0' || name === 'root') return [fromOrigin(user.origin, `USER is ${user.value}`)];

    const account = ctx.fs?.facts.users.find((u) => u.name === name);
    if (account?.uid === 0) {
      return [fromOrigin(user.origin, `USER ${name} has uid 0 in etc/passwd`)];
    }
    return [];
  },
};

export const noHealthcheck: Check = {
  id: 'DD-IMG-002',
  title: 'No HEALTHCHECK',
  severity: 'LOW',
  rationale:
    'Without a health check the runtime only knows whether the process exists, not ' +
    'whether it still serves, so a hung service is never restarted.',
  remedy: 'Add HEALTHCHECK CMD with a command that fails when the service does not answer.',
  targets: BOTH,
  evaluate(ctx) {
    const health = ctx.runtime.healthcheck;
    if (!health) return [{ detail: 'no HEALTHCHECK is set' }];
    if (health.value[0] === 'NONE') return [fromOrigin(health.origin, 'HEALTHCHECK NONE')];
    return [];
  },
};

/** Remote administration and unauthenticated control ports, by port number. */
export const SENSITIVE_PORTS: ReadonlyMap<number, string> = new Map([
  [21, 'FTP'],
  [22, 'SSH'],
  [23, 'Telnet'],
  [135, 'Microsoft RPC'],
  [139, 'NetBIOS'],
  [445, 'SMB'],
  [2375, 'Docker daemon without TLS'],
  [2376, 'Docker daemon'],
  [3389, 'RDP'],
  [5900, 'VNC'],
  [5985, 'WinRM'],
  [5986, 'WinRM over TLS'],
  [10250, 'kubelet API'],
]);

export const sensitivePorts: Check = {
  id: 'DD-IMG-003',
  title: 'Exposes a remote administration port',
  severity: 'HIGH',
  rationale:
    'Ports such as SSH, Telnet, RDP, VNC or the Docker daemon give shell-level control; ' +
    'a container should be managed through its runtime, not logged into.',
  remedy: 'Remove the EXPOSE of the port and the service behind it.',
  targets: BOTH,
  evaluate(ctx) {
    const out: Evidence[] = [];
    for (const port of ctx.runtime.ports) {
      for (const [number, service] of matchingPorts(port)) {
        out.push(fromOrigin(port.origin, `exposes ${port.value} (${number}: ${service})`));
      }
    }
    return out;
  },
};

/** `22`, `22/tcp`, or a range `2370-2380/tcp`; a range is judged by the ports it spans. */
function matchingPorts(port: Sourced<string>): Array<[number, string]> {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/[a-z]+)?$/i.exec(port.value.trim());
  if (!match) return [];
  const low = Number(match[1]);
  const high = match[2] ? Number(match[2]) : low;
  return [...SENSITIVE_PORTS].filter(([n]) => n >= low && n <= high);
}

/** Name parts that mark a variable as holding a credential. */
const SECRET_WORDS = [
  'PASSWORD',
  'PASSWD',
  'SECRET',
  'TOKEN',
  'CREDENTIAL',
  'CREDENTIALS',
  'APIKEY',
];
/** Parts that form a credential only before KEY: `API_KEY` is, `GPG_KEY` (a fingerprint) is not. */
const KEY_PREFIXES = [
  'API',
  'PRIVATE',
  'ACCESS',
  'SECRET',
  'SIGNING',
  'ENCRYPTION',
  'CLIENT',
  'AUTH',
];
/** Suffixes of variables that point at a secret rather than hold it: the recommended pattern. */
const POINTER_SUFFIXES = ['FILE', 'PATH', 'DIR', 'NAME', 'URL', 'ID', 'USER', 'USERNAME'];
/** Shapes of well-known credentials, whatever the variable is called. */
const SECRET_VALUES = [
  /^AKIA[0-9A-Z]{16}$/,
  /^gh[pousr]_[A-Za-z0-9]{36,}$/,
  /^github_pat_[A-Za-z0-9_]{40,}$/,
  /^glpat-[A-Za-z0-9_-]{20,}$/,
  /^xox[abpr]-[A-Za-z0-9-]{10,}$/,
  /^sk_live_[A-Za-z0-9]{20,}$/,
  /^-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----/,
];

export function isSecretName(name: string): boolean {
  const parts = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (parts.length === 0 || POINTER_SUFFIXES.includes(parts[parts.length - 1]!)) return false;
  if (parts.some((p) => SECRET_WORDS.includes(p))) return true;
  return parts.some((p, i) => p === 'KEY' && i > 0 && KEY_PREFIXES.includes(parts[i - 1]!));
}

export function looksLikeSecret(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length <= 8192 && SECRET_VALUES.some((re) => re.test(trimmed));
}

export const secretsInEnv: Check = {
  id: 'DD-IMG-004',
  title: 'Secret in ENV or a build argument',
  severity: 'CRITICAL',
  rationale:
    'ENV values are stored in the image config and ARG values in its history; anyone who ' +
    'can pull the image can read them.',
  remedy:
    'Pass secrets at run time (a mounted file or the orchestrator secret store), or use ' +
    'RUN --mount=type=secret during the build; rotate any secret that was published.',
  targets: BOTH,
  evaluate(ctx) {
    const out: Evidence[] = [];
    for (const [name, value, origin] of environment(ctx)) {
      const why = secretReason(name, value);
      if (why) out.push(fromOrigin(origin, `ENV ${name} ${why}`));
    }
    for (const [name, value, origin] of buildArguments(ctx)) {
      const why = secretReason(name, value);
      if (why) out.push(fromOrigin(origin, `build argument ${name} ${why}`));
    }
    return out;
  },
};

function secretReason(name: string, value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const redacted = `(value redacted, ${value.length} characters)`;
  if (looksLikeSecret(value)) return `holds a value shaped like a credential ${redacted}`;
  if (isSecretName(name)) return `is named like a secret and set ${redacted}`;
  return undefined;
}

type Named = [name: string, value: string, origin: Origin];

/**
 * An image's config is what ships; a Dockerfile's ENV lines of every stage count, since a
 * secret written there is published with the source even when a later stage drops it.
 */
function environment(ctx: CheckContext): Named[] {
  if (ctx.target === 'image') {
    return ctx.runtime.env.map(({ value, origin }): Named => [value.name, value.value, origin]);
  }
  return pairsOf(ctx, 'ENV');
}

/** ARG defaults of a Dockerfile, and the build arguments an image's RUN steps recorded. */
function buildArguments(ctx: CheckContext): Named[] {
  return [...pairsOf(ctx, 'ARG'), ...pairsOf(ctx, 'RUN')];
}

function pairsOf(ctx: CheckContext, keyword: string): Named[] {
  return ctx.instructions
    .filter((i) => i.keyword === keyword)
    .flatMap((i) => (i.pairs ?? []).map((p): Named => [p.name, p.value, i.origin]));
}
