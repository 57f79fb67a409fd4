import type { ImageConfig } from '../image/types.js';
import type { WalkResult } from '../layer/walk-result.js';
import type { MisconfigValue } from './consumer.js';
import { misconfigConsumer } from './consumer.js';
import { parseSteps } from './dockerfile/parse.js';
import { reconstructSteps } from './reconstruct.js';
import type {
  CheckContext,
  FileFacts,
  Instruction,
  Origin,
  Problem,
  RuntimeConfig,
} from './types.js';

/**
 * The check context of an image: its config as the runtime sees it, each value tied to the
 * history step that set it where one can be found; its history as instructions; and the
 * squashed filesystem with the facts the consumer read from the installed files.
 */
export function imageContext(
  config: ImageConfig,
  walk: WalkResult,
): { ctx: CheckContext; problems: Problem[] } {
  const steps = reconstructSteps(config);
  const instructions = parseSteps(
    steps.map((s) => ({
      text: s.text,
      origin: { historyIndex: s.historyIndex, createdBy: s.createdBy },
    })),
  );
  for (const step of steps) {
    const run = instructions.find((i) => i.origin.historyIndex === step.historyIndex);
    if (run && step.buildArgs.length > 0) run.pairs = step.buildArgs;
  }

  const { facts, problems } = readFacts(walk);
  const ctx: CheckContext = {
    target: 'image',
    runtime: runtimeOf(config, instructions),
    instructions,
    finalStages: new Set([0, ...instructions.map((i) => i.stage)]),
    fs: { squashed: walk.squashed, layers: walk.layers, facts },
  };
  return { ctx, problems };
}

function runtimeOf(config: ImageConfig, instructions: Instruction[]): RuntimeConfig {
  const c = config.config ?? {};
  const last = (keyword: string, test: (i: Instruction) => boolean = () => true): Origin =>
    instructions.findLast((i) => i.keyword === keyword && test(i))?.origin ?? {};
  const runtime: RuntimeConfig = { ports: [], env: [], labels: { ...(c.Labels ?? {}) } };

  if (c.User) runtime.user = { value: c.User, origin: last('USER') };
  if (c.Healthcheck?.Test && c.Healthcheck.Test.length > 0) {
    runtime.healthcheck = { value: c.Healthcheck.Test, origin: last('HEALTHCHECK') };
  }

  for (const port of Object.keys(c.ExposedPorts ?? {})) {
    const number = port.split('/')[0] ?? port;
    const origin = last('EXPOSE', (i) =>
      i.args.split(/\s+/).some((p) => p.split('/')[0] === number),
    );
    runtime.ports.push({ value: port, origin });
  }

  for (const entry of c.Env ?? []) {
    const eq = entry.indexOf('=');
    const name = eq === -1 ? entry : entry.slice(0, eq);
    const value = eq === -1 ? '' : entry.slice(eq + 1);
    const origin = last('ENV', (i) => (i.pairs ?? []).some((p) => p.name === name));
    runtime.env.push({ value: { name, value }, origin });
  }
  return runtime;
}

/** Values of files still present in the squashed view; a file a later layer removed is not. */
function readFacts(walk: WalkResult): { facts: FileFacts; problems: Problem[] } {
  const facts: FileFacts = { users: [], packages: [], sshd: [], sudoers: [] };
  const problems: Problem[] = [];

  for (const result of walk.results<MisconfigValue>(misconfigConsumer.name)) {
    if (result.removedBy !== undefined) continue;
    const { path, layer, value } = result;
    for (const message of value.problems) problems.push({ path, message });

    if (value.kind === 'passwd') facts.users.push(...value.users);
    else if (value.kind === 'sshd') facts.sshd.push({ path, layer, options: value.options });
    else if (value.kind === 'sudoers') {
      for (const rule of value.rules) facts.sudoers.push({ path, layer, ...rule });
    } else {
      for (const name of value.names) {
        facts.packages.push({ name, manager: value.manager, path, layer });
      }
    }
  }
  return { facts, problems };
}
