import type { Check, Evidence } from '../types.js';
import {
  findProgram,
  fromEntry,
  fromOrigin,
  hasPackage,
  installedPackages,
  runScript,
  simpleCommands,
} from './shared.js';

/** Checks for privilege escalation helpers left in the image. */
export const sudoPresent: Check = {
  id: 'DD-IMG-007',
  title: 'sudo is installed',
  severity: 'MEDIUM',
  rationale:
    'Containers do not need sudo: it lets a compromised unprivileged process become root ' +
    'and its setuid binary widens what an attacker can reach.',
  remedy: 'Remove sudo; run build steps that need root before USER, and the service without it.',
  targets: ['image', 'dockerfile'],
  evaluate(ctx) {
    const out: Evidence[] = [];
    for (const i of ctx.instructions) {
      if (i.keyword !== 'RUN' || !ctx.finalStages.has(i.stage)) continue;
      if (simpleCommands(runScript(i)).some((words) => installedPackages(words).includes('sudo'))) {
        out.push(fromOrigin(i.origin, 'a RUN step installs the sudo package'));
      }
    }

    const fs = ctx.fs;
    if (!fs) return out;
    const binary = findProgram(fs, 'sudo');
    if (binary) out.push(fromEntry(fs, binary, `${binary.entry.path} is present`));
    else if (hasPackage(fs, ['sudo', 'sudo-rs'])) {
      out.push({ detail: 'the sudo package is listed as installed' });
    }
    return out;
  },
};

export const passwordlessSudo: Check = {
  id: 'DD-FS-009',
  title: 'sudoers grants passwordless sudo',
  severity: 'HIGH',
  rationale:
    'A NOPASSWD rule lets whoever runs as that user become root without any secret, which ' +
    'undoes running the container as an unprivileged user.',
  remedy: 'Remove the NOPASSWD rule (and sudo itself) from the image.',
  targets: ['image'],
  evaluate(ctx) {
    const fs = ctx.fs;
    if (!fs) return [];
    return fs.facts.sudoers.flatMap((rule) => {
      const placed = fs.squashed.get(rule.path);
      const detail = `${rule.path} line ${rule.line}: ${rule.rule}`;
      return placed ? [fromEntry(fs, placed, detail)] : [{ path: rule.path, detail }];
    });
  },
};
