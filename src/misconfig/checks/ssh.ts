import type { Check, Evidence, FilesystemContext } from '../types.js';
import { findProgram, fromEntry, hasPackage } from './shared.js';

/** Checks for an SSH server, its keys and its settings baked into the image. */
const IMAGE = ['image'] as const;
const SERVER_PROGRAMS = ['sshd', 'dropbear'];
const SERVER_PACKAGES = ['openssh-server', 'dropbear', 'dropbear-bin', 'openssh-server-pam'];
const HOST_KEY = /^etc\/(ssh\/ssh_host_[a-z0-9]+_key|dropbear\/dropbear_[a-z0-9]+_host_key)$/;

export const sshServer: Check = {
  id: 'DD-FS-003',
  title: 'SSH server installed',
  severity: 'MEDIUM',
  rationale:
    'An SSH daemon in a container is a second way in beside the service, with its own ' +
    'accounts and keys to manage; containers are entered through the runtime instead.',
  remedy: 'Remove the SSH server package; use docker exec or kubectl exec to get a shell.',
  targets: IMAGE,
  evaluate(ctx) {
    const fs = ctx.fs;
    if (!fs) return [];
    const out: Evidence[] = [];
    for (const name of SERVER_PROGRAMS) {
      const placed = findProgram(fs, name);
      if (placed) out.push(fromEntry(fs, placed, `${placed.entry.path} is present`));
    }

    const pkg = hasPackage(fs, SERVER_PACKAGES);
    if (out.length === 0 && pkg) out.push({ detail: `package ${pkg} is listed as installed` });
    return out;
  },
};

export const sshHostKeys: Check = {
  id: 'DD-FS-004',
  title: 'SSH host keys baked into the image',
  severity: 'HIGH',
  rationale:
    'A host private key in an image is shared by every container and everyone who can pull ' +
    'the image, so any of them can impersonate the host.',
  remedy: 'Delete the keys in the build and generate them when the container starts.',
  targets: IMAGE,
  evaluate(ctx) {
    const fs = ctx.fs;
    if (!fs) return [];
    return hostKeys(fs).map((placed) => fromEntry(fs, placed, 'SSH host private key'));
  },
};

function hostKeys(fs: FilesystemContext) {
  const keys = [];
  for (const placed of fs.squashed.entries()) {
    if (placed.entry.type === 'file' && HOST_KEY.test(placed.entry.path)) keys.push(placed);
  }
  return keys.sort((a, b) => (a.entry.path < b.entry.path ? -1 : 1));
}

/** sshd_config(5) settings, with the defaults OpenSSH has used since 7.0. */
const RISKY: Array<{ key: string; bad: (v: string) => boolean; detail: string }> = [
  { key: 'permitrootlogin', bad: (v) => v === 'yes', detail: 'PermitRootLogin yes' },
  { key: 'permitemptypasswords', bad: (v) => v === 'yes', detail: 'PermitEmptyPasswords yes' },
  {
    key: 'passwordauthentication',
    bad: (v) => v === 'yes',
    detail: 'PasswordAuthentication yes',
  },
];

export const sshdSettings: Check = {
  id: 'DD-FS-005',
  title: 'SSH server allows root or password login',
  severity: 'HIGH',
  rationale:
    'Root and password logins make the SSH server open to password guessing, and a ' +
    'successful guess on root owns the container.',
  remedy: 'Set PermitRootLogin no and PasswordAuthentication no, or remove the server.',
  targets: IMAGE,
  evaluate(ctx) {
    const fs = ctx.fs;
    if (!fs) return [];
    const out: Evidence[] = [];
    for (const config of fs.facts.sshd) {
      const placed = fs.squashed.get(config.path);
      for (const rule of RISKY) {
        const value = config.options[rule.key]?.toLowerCase();
        if (value === undefined || !rule.bad(value)) continue;
        const detail = `${config.path} sets ${rule.detail}`;
        out.push(placed ? fromEntry(fs, placed, detail) : { path: config.path, detail });
      }
    }
    return out;
  },
};
