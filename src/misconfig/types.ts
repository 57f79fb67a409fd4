import type { SquashedView } from '../layer/squash.js';
import type { LayerOrigin } from '../layer/types.js';

/**
 * The misconfiguration check contract. A check judges one context, built either from an
 * image (config, history and squashed filesystem) or from a Dockerfile on disk, and returns
 * the evidence it found; no evidence means the check passed. The engine (engine.ts) turns
 * evidence into findings, so a check never repeats its own id, title or remedy.
 *
 * Example: a check that flags images with no HEALTHCHECK reads `ctx.runtime.healthcheck`
 * and returns `[{ detail: 'no HEALTHCHECK is set' }]` when it is missing.
 */
export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export const SEVERITIES: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export type TargetKind = 'image' | 'dockerfile';

/** Where a value came from: a history step of an image, or a line of a Dockerfile. */
export interface Origin {
  historyIndex?: number;
  createdBy?: string;
  line?: number;
}

export interface Evidence extends Origin {
  /** One sentence on what was found; never the value of a secret. */
  detail: string;
  path?: string;
  layer?: number;
}

/** One build instruction, from a Dockerfile line or reconstructed from an image's history. */
export interface Instruction {
  /** Upper-case keyword: RUN, COPY, FROM, ... */
  keyword: string;
  /** Everything after the keyword and its `--flags`, with ARG/ENV expanded where Docker does. */
  args: string;
  /** The exec (JSON array) form, when the instruction used it. */
  json?: string[];
  /** Leading `--name=value` flags (`--from`, `--chown`, `--mount`); bare flags map to ''. */
  flags: Record<string, string>;
  /** ENV, LABEL and ARG: the `name=value` pairs after expansion (an ARG with no default: ''). */
  pairs?: Array<{ name: string; value: string }>;
  /** The build stage, 0 for the first FROM (images: always 0). */
  stage: number;
  origin: Origin;
}

export interface Sourced<T> {
  value: T;
  origin: Origin;
}

/** What the container starts with: the config of an image, or the final Dockerfile stage. */
export interface RuntimeConfig {
  user?: Sourced<string>;
  /** `['NONE']` when explicitly disabled. */
  healthcheck?: Sourced<string[]>;
  /** `22/tcp`, `8000-8010/udp`, as declared. */
  ports: Sourced<string>[];
  env: Sourced<{ name: string; value: string }>[];
  labels: Record<string, string>;
}

export interface PasswdUser {
  name: string;
  uid: number;
  gid: number;
  shell: string;
}

/** What the misconfiguration consumer read from the few files whose bytes checks need. */
export interface FileFacts {
  users: PasswdUser[];
  /** Installed package names by package manager, with the file that listed them. */
  packages: Array<{ name: string; manager: 'dpkg' | 'apk'; path: string; layer: number }>;
  sshd: Array<{ path: string; layer: number; options: Record<string, string> }>;
  sudoers: Array<{ path: string; layer: number; line: number; rule: string }>;
}

export interface FilesystemContext {
  squashed: SquashedView;
  layers: LayerOrigin[];
  facts: FileFacts;
}

export interface CheckContext {
  target: TargetKind;
  runtime: RuntimeConfig;
  /** Every instruction in build order; for a Dockerfile, of every stage. */
  instructions: Instruction[];
  /** The stages whose instructions end up in the final image (a Dockerfile's FROM chain). */
  finalStages: ReadonlySet<number>;
  /** Present for images only. */
  fs?: FilesystemContext;
}

export interface Check {
  /** Stable id, `DD-IMG-nnn` (config and build) or `DD-FS-nnn` (filesystem); never reused. */
  id: string;
  title: string;
  severity: Severity;
  rationale: string;
  remedy: string;
  /** The targets this check can judge; others skip it. */
  targets: readonly TargetKind[];
  evaluate(ctx: CheckContext): Evidence[];
}

export interface Finding {
  id: string;
  title: string;
  severity: Severity;
  rationale: string;
  remedy: string;
  evidence: Evidence[];
}

/** A per-file or per-record problem met on the way; it never stops the other checks. */
export interface Problem {
  path?: string;
  line?: number;
  message: string;
}

export interface MisconfigResult {
  findings: Finding[];
  problems: Problem[];
}
