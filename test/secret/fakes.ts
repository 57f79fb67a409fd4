/**
 * Fake credentials for the secret scanner's tests, assembled at run time from a seeded
 * generator so that no real-looking credential is ever written in the repository (hosting
 * providers reject pushes that contain one).
 */
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const DIGITS = '0123456789';
export const HEX = '0123456789abcdef';
export const ALNUM = LOWER + UPPER + DIGITS;
export const B64URL = `${ALNUM}_-`;
export const B64 = `${ALNUM}+/`;

export class Fakes {
  private state: number;

  constructor(seed = 7) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, seeded, good enough to give every fake full entropy. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** A prefix joined at run time with random characters. */
  token(parts: string[], alphabet: string, length: number): string {
    return parts.join('') + this.chars(alphabet, length);
  }

  uuid(): string {
    const h = (n: number) => this.chars(HEX, n);
    return `${h(8)}-${h(4)}-${h(4)}-${h(4)}-${h(12)}`;
  }

  /** A PEM block with a random body, labelled as given. */
  pem(label: string): string {
    const body = Array.from({ length: 6 }, () => this.chars(B64, 64)).join('\n');
    const dashes = '-'.repeat(5);
    return `${dashes}BEGIN ${label}${dashes}\n${body}\n${dashes}END ${label}${dashes}`;
  }

  jwt(): string {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const claims = Buffer.from(JSON.stringify({ sub: this.chars(ALNUM, 12) })).toString(
      'base64url',
    );
    return `${header}.${claims}.${this.chars(B64URL, 43)}`;
  }
}
