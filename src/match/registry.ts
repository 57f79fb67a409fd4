import { languageMatcher } from './language/index.js';
import { osMatcher } from './os/index.js';
import type { Matcher } from './types.js';

/**
 * Every matcher, in the order they are asked; the first that accepts a package judges
 * it. A language package owned by an OS package is accepted by none of them: its owner's
 * finding speaks for it.
 */
export const MATCHERS: readonly Matcher[] = [osMatcher, languageMatcher];

export function matcherFor(pkg: Parameters<Matcher['accepts']>[0]): Matcher | undefined {
  return MATCHERS.find((m) => m.accepts(pkg));
}
