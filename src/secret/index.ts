export { type SecretAllowlist, SecretAllowlistSchema } from './allowlist.js';
export { collectSecretFindings } from './collect.js';
export { scanImageConfigForSecrets } from './config.js';
export {
  SECRET_CONSUMER_NAME,
  type SecretConsumer,
  type SecretScanOptions,
  secretConsumer,
} from './consumer.js';
export { redactText } from './redact-text.js';
export { RULES_VERSION, SECRET_RULES } from './rules/index.js';
export type {
  FileSecrets,
  MatchLayer,
  SecretCategory,
  SecretFinding,
  SecretLocation,
  SecretSeverity,
} from './types.js';
