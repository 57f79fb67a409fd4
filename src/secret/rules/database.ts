import type { SecretRule } from '../types.js';

/**
 * Connection URLs that carry a password (RFC 3986 userinfo). The user and password parts
 * are bounded and exclude the delimiters that end them, so they cannot backtrack.
 */
function urlRule(id: string, title: string, schemes: string[], keywords: string[]): SecretRule {
  const scheme = schemes.join('|');
  return {
    id,
    title,
    category: 'database',
    severity: 'critical',
    keywords,
    pattern: new RegExp(
      `(?<![A-Za-z0-9+.-])(?:${scheme})://[^\\s:/@"'<>]{1,128}:` +
        `(?<secret>[^\\s:/@"'<>]{6,256})@[A-Za-z0-9.[\\]_-]{1,253}`,
      'gi',
    ),
  };
}

const GENERIC_SCHEMES = /(?<![A-Za-z0-9+.-])(?:https?|ftps?|smtps?|ldaps?|git\+https|svn\+ssh)$/i;

export const databaseRules: SecretRule[] = [
  urlRule(
    'postgres-url-password',
    'PostgreSQL URL with password',
    ['postgres(?:ql)?'],
    ['postgres'],
  ),
  urlRule(
    'mysql-url-password',
    'MySQL URL with password',
    ['mysql(?:x)?', 'mariadb'],
    ['mysql', 'mariadb'],
  ),
  urlRule('mongodb-url-password', 'MongoDB URL with password', ['mongodb(?:\\+srv)?'], ['mongodb']),
  urlRule('redis-url-password', 'Redis URL with password', ['rediss?'], ['redis']),
  urlRule('amqp-url-password', 'AMQP URL with password', ['amqps?'], ['amqp']),
  urlRule(
    'mssql-url-password',
    'SQL Server URL with password',
    ['mssql', 'sqlserver'],
    ['mssql', 'sqlserver'],
  ),
  urlRule('jdbc-url-password', 'JDBC URL with password', ['jdbc:[a-z0-9]{2,20}'], ['jdbc:']),
  {
    id: 'url-password',
    title: 'URL with embedded password',
    category: 'database',
    severity: 'high',
    keywords: ['://'],
    // Starts at the literal `://` so the engine can search for it; the scheme is checked
    // after, and the schemes the rules above own are left to them.
    pattern: /:\/\/[^\s:/@"'<>]{1,128}:(?<secret>[^\s:/@"'<>]{6,256})@[A-Za-z0-9.[\]_-]{1,253}/g,
    validate: (_value, { text, index }) =>
      GENERIC_SCHEMES.test(text.slice(Math.max(0, index - 12), index)),
  },
  {
    id: 'jdbc-password-parameter',
    title: 'Password parameter in a JDBC URL',
    category: 'database',
    severity: 'critical',
    keywords: ['jdbc:'],
    pattern: /jdbc:[a-z0-9]{2,20}:[^\s"'<>]{1,512}?[;?&]password=(?<secret>[^\s;&"'<>]{3,256})/gi,
  },
];
