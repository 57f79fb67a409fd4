import type { SecretRule } from '../types.js';

/**
 * Private keys in PEM-style armour (RFC 7468), OpenSSH's and PGP's own armour, PuTTY key
 * files, and JSON Web Tokens. A key's body is bounded, so an unterminated header costs a
 * bounded scan and no more.
 */
const BODY = '[A-Za-z0-9+/=\\s\\\\:,.-]{40,16384}?';

function pemRule(id: string, title: string, label: string, keyword: string): SecretRule {
  return {
    id,
    title,
    category: 'private-key',
    severity: 'critical',
    keywords: [keyword],
    pattern: new RegExp(`(?<secret>-----BEGIN ${label}-----${BODY}-----END ${label}-----)`, 'g'),
  };
}

export const keyRules: SecretRule[] = [
  pemRule('private-key-rsa', 'RSA private key', 'RSA PRIVATE KEY', 'begin rsa private key'),
  pemRule('private-key-ec', 'EC private key', 'EC PRIVATE KEY', 'begin ec private key'),
  pemRule('private-key-dsa', 'DSA private key', 'DSA PRIVATE KEY', 'begin dsa private key'),
  pemRule(
    'private-key-openssh',
    'OpenSSH private key',
    'OPENSSH PRIVATE KEY',
    'begin openssh private key',
  ),
  pemRule('private-key-pkcs8', 'PKCS#8 private key', 'PRIVATE KEY', 'begin private key'),
  pemRule(
    'private-key-pkcs8-encrypted',
    'Encrypted PKCS#8 private key',
    'ENCRYPTED PRIVATE KEY',
    'begin encrypted private key',
  ),
  pemRule(
    'private-key-pgp',
    'PGP private key block',
    'PGP PRIVATE KEY BLOCK',
    'begin pgp private key block',
  ),
  {
    id: 'private-key-putty',
    title: 'PuTTY private key',
    category: 'private-key',
    severity: 'critical',
    keywords: ['putty-user-key-file-'],
    pattern: new RegExp(
      String.raw`PuTTY-User-Key-File-[23]: [^\r\n]{1,64}[\s\S]{0,4096}?` +
        String.raw`Private-Lines: \d{1,3}\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{40,8192})`,
      'g',
    ),
  },
  {
    id: 'jwt',
    title: 'JSON Web Token',
    category: 'token',
    severity: 'medium',
    keywords: ['eyj'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,2000}\.` +
        String.raw`eyJ[A-Za-z0-9_-]{2,8000}\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])`,
      'g',
    ),
    validate: hasJwtHeader,
  },
];

/** A JWT's first segment is a JSON header naming its algorithm (RFC 7515 section 4). */
function hasJwtHeader(value: string): boolean {
  const header = value.slice(0, value.indexOf('.'));
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && 'alg' in parsed;
  } catch {
    return false;
  }
}
