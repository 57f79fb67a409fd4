import picomatch from 'picomatch';
import type { Consumer } from './types.js';

/** A consumer with its patterns compiled once per walk. */
export interface CompiledConsumer {
  consumer: Consumer;
  matches(path: string): boolean;
}

export function compileConsumers(consumers: Consumer[]): CompiledConsumer[] {
  return consumers.map((consumer) => {
    const exact = new Set(consumer.patterns.filter((p) => !picomatch.scan(p).isGlob));
    const globs = consumer.patterns.filter((p) => !exact.has(p));
    const glob = globs.length > 0 ? picomatch(globs, { dot: true }) : undefined;
    const excluded = consumer.exclude?.length
      ? picomatch(consumer.exclude, { dot: true })
      : undefined;
    return {
      consumer,
      matches: (path) => (exact.has(path) || glob?.(path) === true) && excluded?.(path) !== true,
    };
  });
}

/** The cache key part of a consumer: bumping its version invalidates its cached values. */
export function consumerKey(consumer: Consumer): string {
  return `${consumer.name}@${consumer.version}`;
}
