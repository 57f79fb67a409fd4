import picomatch from 'picomatch';
import { SECRET_RULES } from './rules/index.js';

/**
 * Places in an image where what looks like a secret is, in practice, the distribution's
 * own documentation, test data or library code: man pages showing a .netrc, Go's test
 * keys, a Ruby library naming `password = nil`. Reporting them buries the one key a build
 * leaked. Documentation and test trees are not read at all (the consumer excludes them, so
 * the walk spares inflating thousands of man pages); library trees are allowed only for the
 * weak, context-guessing rules, so a provider token or private key in them is still found.
 */
export const DOCS_AND_TESTS = [
  'usr/share/doc/**',
  'usr/share/man/**',
  'usr/share/info/**',
  'usr/share/lintian/**',
  'usr/share/locale/**',
  'usr/include/**',
  'usr/share/go-*/src/**',
  'usr/lib/go-*/src/**',
  'usr/local/go/src/**',
  '**/testdata/**',
];

const LIBRARIES = [
  'usr/lib/**',
  'usr/share/**',
  'lib/**',
  '**/node_modules/**',
  '**/site-packages/**',
  '**/dist-packages/**',
  '**/gems/**',
];

const WEAK_RULES = new Set(SECRET_RULES.filter((r) => r.category === 'generic').map((r) => r.id))
  .add('url-password')
  .add('netrc-password');

const inDocsOrTests = picomatch(DOCS_AND_TESTS, { dot: true });
const inLibraries = picomatch(LIBRARIES, { dot: true });

export function builtinAllows(ruleId: string, path: string): boolean {
  if (inDocsOrTests(path)) return true;
  return WEAK_RULES.has(ruleId) && inLibraries(path);
}
