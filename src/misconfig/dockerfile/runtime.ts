import type { CheckContext, Instruction, RuntimeConfig } from '../types.js';
import type { ParsedDockerfile, Stage } from './parse.js';

/**
 * The check context of a Dockerfile: what a container of its final stage starts with
 * (USER, HEALTHCHECK, EXPOSE, ENV, LABEL, including what it inherits from earlier stages
 * it is built FROM) and every instruction of every stage.
 */
export function dockerfileContext(parsed: ParsedDockerfile): CheckContext {
  const finalStages = finalChain(parsed.stages);
  const runtime: RuntimeConfig = { ports: [], env: [], labels: {} };
  const ordered = [...finalStages].sort((a, b) => a - b);

  for (const instruction of parsed.instructions) {
    if (!ordered.includes(instruction.stage)) continue;
    applyRuntime(runtime, instruction);
  }

  return {
    target: 'dockerfile',
    runtime,
    instructions: parsed.instructions,
    finalStages,
  };
}

function finalChain(stages: Stage[]): Set<number> {
  const chain = new Set<number>();
  let stage = stages[stages.length - 1];
  while (stage && !chain.has(stage.index)) {
    chain.add(stage.index);
    stage = stage.parent === undefined ? undefined : stages[stage.parent];
  }
  return chain;
}

function applyRuntime(runtime: RuntimeConfig, instruction: Instruction): void {
  const origin = instruction.origin;

  switch (instruction.keyword) {
    case 'USER':
      runtime.user = { value: instruction.args.trim(), origin };
      return;
    case 'HEALTHCHECK':
      runtime.healthcheck = { value: healthcheckTest(instruction.args), origin };
      return;
    case 'EXPOSE':
      for (const port of instruction.args.split(' ').filter(Boolean)) {
        runtime.ports.push({ value: port, origin });
      }
      return;
    case 'ENV':
      for (const pair of instruction.pairs ?? []) {
        runtime.env = runtime.env.filter((e) => e.value.name !== pair.name);
        runtime.env.push({ value: pair, origin });
      }
      return;
    case 'LABEL':
      for (const pair of instruction.pairs ?? []) runtime.labels[pair.name] = pair.value;
      return;
  }
}

/** `HEALTHCHECK NONE`, or `HEALTHCHECK [--opts] CMD ...` as the config's Test array. */
function healthcheckTest(args: string): string[] {
  const trimmed = args.trim();
  if (/^none$/i.test(trimmed)) return ['NONE'];
  return ['CMD-SHELL', trimmed.replace(/^CMD\s+/i, '')];
}
