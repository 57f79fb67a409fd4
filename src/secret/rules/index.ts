import type { SecretRule } from '../types.js';
import { aiRules } from './ai.js';
import { chatRules } from './chat.js';
import { cloudRules } from './cloud.js';
import { databaseRules } from './database.js';
import { genericRules } from './generic.js';
import { keyRules } from './keys.js';
import { registryRules } from './registries.js';
import { saasRules } from './saas.js';
import { sourceHostRules } from './source-hosts.js';

/**
 * Every rule, listed explicitly. Bump RULES_VERSION whenever a rule or a gate changes:
 * it enters the layer cache key, so cached layers are rescanned with the new rules.
 */
export const RULES_VERSION = 2;

export const SECRET_RULES: readonly SecretRule[] = [
  ...cloudRules,
  ...sourceHostRules,
  ...chatRules,
  ...saasRules,
  ...aiRules,
  ...registryRules,
  ...keyRules,
  ...databaseRules,
  ...genericRules,
];

const BY_ID = new Map(SECRET_RULES.map((r) => [r.id, r]));

export function ruleById(id: string): SecretRule | undefined {
  return BY_ID.get(id);
}
