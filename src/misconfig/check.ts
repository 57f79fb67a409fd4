import type { ImageConfig } from '../image/types.js';
import type { WalkResult } from '../layer/walk-result.js';
import { imageContext } from './context.js';
import { parseDockerfile } from './dockerfile/parse.js';
import { dockerfileContext } from './dockerfile/runtime.js';
import { runChecks, validateDisabled } from './engine.js';
import type { MisconfigResult, Problem } from './types.js';

/** Larger Dockerfiles are not real ones; they are reported instead of parsed. */
export const MAX_DOCKERFILE_CHARS = 1024 * 1024;

export interface CheckOptions {
  disabled?: Iterable<string>;
}

export function checkImage(
  input: { config: ImageConfig; walk: WalkResult } & CheckOptions,
): MisconfigResult {
  const { ctx, problems } = imageContext(input.config, input.walk);
  const { findings, failed } = runChecks(ctx, input.disabled);
  return { findings, problems: [...problems, ...failedProblems(failed)] };
}

export function checkDockerfile(text: string, options: CheckOptions = {}): MisconfigResult {
  if (text.length > MAX_DOCKERFILE_CHARS) {
    validateDisabled(options.disabled ?? []);
    return {
      findings: [],
      problems: [{ message: `larger than ${MAX_DOCKERFILE_CHARS} characters; not checked` }],
    };
  }

  const parsed = parseDockerfile(text);
  const problems: Problem[] = [...parsed.problems];
  if (parsed.stages.length === 0) {
    validateDisabled(options.disabled ?? []);
    return {
      findings: [],
      problems: [...problems, { message: 'no FROM instruction; not checked' }],
    };
  }

  const { findings, failed } = runChecks(dockerfileContext(parsed), options.disabled);
  return { findings, problems: [...problems, ...failedProblems(failed)] };
}

function failedProblems(failed: Array<{ id: string; message: string }>): Problem[] {
  return failed.map((f) => ({ message: `check ${f.id} failed: ${f.message}` }));
}
