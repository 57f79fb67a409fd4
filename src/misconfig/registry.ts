import { addFromUrl, floatingBase } from './checks/build.js';
import { packageCaches, setuidFiles, worldWritable } from './checks/filesystem.js';
import { noHealthcheck, rootUser, secretsInEnv, sensitivePorts } from './checks/runtime.js';
import { sshdSettings, sshHostKeys, sshServer } from './checks/ssh.js';
import { passwordlessSudo, sudoPresent } from './checks/sudo.js';
import { debugTools, fetchToolsInMinimalImage } from './checks/tools.js';
import type { Check } from './types.js';

/** Every misconfiguration check, listed here and nowhere else; ids are never reused. */
export const CHECKS: readonly Check[] = [
  rootUser,
  noHealthcheck,
  sensitivePorts,
  secretsInEnv,
  addFromUrl,
  floatingBase,
  sudoPresent,
  setuidFiles,
  worldWritable,
  sshServer,
  sshHostKeys,
  sshdSettings,
  packageCaches,
  debugTools,
  fetchToolsInMinimalImage,
  passwordlessSudo,
];
