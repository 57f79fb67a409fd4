/**
 * Values that look like credentials but are documented examples or placeholders. They are
 * never findings: reporting them would teach users to ignore the scanner.
 */
const DOCUMENTED_EXAMPLES = new Set([
  // AWS documentation's example key pairs.
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
]);

const PLACEHOLDER_WORDS = new RegExp(
  [
    'example|sample|dummy|placeholder|changeme|change_me|redacted|insert[_-]?',
    'your[_-]?(?:api|secret|token|key|password)',
    '<[^>]{0,40}>|xxxxx|\\*\\*\\*\\*|\\.\\.\\.\\.',
  ].join('|'),
  'i',
);

/** Template and variable references: the secret lives elsewhere, not in this file. */
const REFERENCE =
  /^(?:\$|\{[{A-Za-z_]|%\(|%[A-Za-z_]|@[A-Za-z_]|<|\[|process\.env|os\.environ)|\$\{|\$\(/;

/** The word itself standing in for a value, as documentation writes `user:password@host`. */
const STAND_IN =
  /^(?:pass(?:word|wd|phrase)?|secret|token|pwd|p[a@]ssw[o0]rd|username)[0-9]{0,3}$/i;

export function isKnownNonSecret(value: string): boolean {
  if (DOCUMENTED_EXAMPLES.has(value) || STAND_IN.test(value)) return true;
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (REFERENCE.test(value)) return true;
  return isOneRepeatedCharacter(value);
}

function isOneRepeatedCharacter(value: string): boolean {
  for (let i = 1; i < value.length; i++) if (value[i] !== value[0]) return false;
  return true;
}
