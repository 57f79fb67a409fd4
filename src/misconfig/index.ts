/**
 * Misconfiguration scanning. Walk the image with `misconfigConsumer` among the consumers,
 * then call `checkImage`; `checkDockerfile` runs the same rules, where they apply, on a
 * Dockerfile's text, and `checkPath` on the Dockerfiles at a path on disk. Disabled check
 * ids are validated: an unknown id is a usage error.
 */
export {
  type CheckOptions,
  checkDockerfile,
  checkImage,
  MAX_DOCKERFILE_CHARS,
} from './check.js';
export { type MisconfigValue, misconfigConsumer } from './consumer.js';
export { checkPath, type FileResult, findDockerfiles, withSeverities } from './files.js';
export { type HistoryStep, reconstructDockerfile, reconstructSteps } from './reconstruct.js';
export { CHECKS } from './registry.js';
export { renderMisconfigTable } from './render.js';
export type * from './types.js';
export { SEVERITIES } from './types.js';
