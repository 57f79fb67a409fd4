import type { MatchContext, SecretRule } from '../types.js';

/**
 * Assignments of a value to a key that names a password, secret or token, in any language
 * or config format. The value has no shape of its own, so three gates keep noise out: its
 * entropy, a key that is not about the secret but around it (`password_hash`,
 * `token_type`), and the context. An unquoted value counts only when the key starts its
 * line (env files, INI, YAML, properties), and nothing counts on a minified line.
 */
const NOT_THE_SECRET = new RegExp(
  `(?:${[
    'hash|digest|sum|file|path|dir|length|len|type|name|field|policy|prompt|reset',
    'url|uri|endpoint|id|ids|expir\\w*|min|max|regex|pattern|label|placeholder|hint',
    'strength|chars|count|env|var|header|param|key_?id|ttl|timeout|format|mode',
    'enabled|required|style',
  ].join('|')})$`,
  'i',
);
const LINE_START = /^[ \t]*(?:export[ \t]+|set[ \t]+|-[ \t]+)?["']?[A-Za-z0-9_.-]*$/;
const MAX_LINE = 500;
/** Unquoted, `key_password=key_password` passes a variable and `pwd=/home/x` is a path. */
const IDENTIFIER_OR_PATH = /^(?:[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*|[/~.][^\s]*)$/;
/** Calls, indexing and member access: code that fetches the secret, not the secret. */
const CODE = /[()[\]]|^[A-Za-z_]+\.[A-Za-z_]/;

function acceptAssignment(value: string, context: MatchContext): boolean {
  const { text, index, groups } = context;
  const key = groups.key ?? '';
  if (NOT_THE_SECRET.test(key)) return false;
  if (!hasMixedClasses(value) || CODE.test(value)) return false;

  const lineStart = text.lastIndexOf('\n', index) + 1;
  const lineEnd = text.indexOf('\n', index);
  if ((lineEnd === -1 ? text.length : lineEnd) - lineStart > MAX_LINE) return false;

  const quote = groups.q ?? '';
  if (quote !== '') {
    const after = index + (groups.whole?.length ?? 0);
    return text[after] === quote;
  }
  return LINE_START.test(text.slice(lineStart, index)) && !IDENTIFIER_OR_PATH.test(value);
}

/** Two or more of lower case, upper case, digits and symbols: words and numbers are not secrets. */
function hasMixedClasses(value: string): boolean {
  let classes = 0;
  if (/[a-z]/.test(value)) classes++;
  if (/[A-Z]/.test(value)) classes++;
  if (/[0-9]/.test(value)) classes++;
  if (/[^A-Za-z0-9]/.test(value)) classes++;
  return classes >= 2 && !/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(value);
}

function assignment(keys: string): RegExp {
  return new RegExp(
    `(?<whole>(?<key>(?:${keys})[A-Za-z0-9_.-]{0,24})["']?[ \\t]{0,4}(?:=>|:=|[:=])[ \\t]{0,4}` +
      `(?<q>["'\`]?)(?<secret>[^\\s"'\`;,]{6,128}))`,
    'gi',
  );
}

export const genericRules: SecretRule[] = [
  {
    id: 'generic-password',
    title: 'Password assignment',
    category: 'generic',
    severity: 'high',
    keywords: ['password', 'passwd', 'pwd'],
    pattern: assignment('password|passwd|pwd'),
    minEntropy: 2.8,
    validate: acceptAssignment,
  },
  {
    id: 'generic-secret',
    title: 'Secret assignment',
    category: 'generic',
    severity: 'high',
    keywords: ['secret'],
    pattern: assignment('secret'),
    minEntropy: 3.2,
    validate: acceptAssignment,
  },
  {
    id: 'generic-api-key',
    title: 'API key or token assignment',
    category: 'generic',
    severity: 'medium',
    keywords: ['api_key', 'apikey', 'api-key', 'token', 'access_key', 'accesskey'],
    pattern: assignment('api[_-]?key|token|access[_-]?key'),
    minEntropy: 3.5,
    validate: acceptAssignment,
  },
  {
    id: 'wireguard-private-key',
    title: 'WireGuard private key',
    category: 'private-key',
    severity: 'critical',
    keywords: ['privatekey'],
    pattern: /^[ \t]*PrivateKey[ \t]*=[ \t]*(?<secret>[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)/gm,
  },
];
