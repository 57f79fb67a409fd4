import { describe, expect, it } from 'vitest';
import { scanString, scanTextBytes } from '../../src/secret/detect.js';
import { ALNUM, B64, Fakes, HEX } from './fakes.js';

const f = new Fakes(3);
const ids = (text: string) => scanString(text).map((m) => m.rule.id);

describe('detectSecrets near-misses', () => {
  const minifiedJs =
    'var a={password:e.password,token:t.token,secret:n.secret};' +
    'function l(e){return e.apiKey||e.api_key}' +
    'x.type="password";'.repeat(40);
  const nearMisses: [string, string][] = [
    ['documented AWS example key', `aws_access_key_id = AKIA${'IOSFODNN7EXAMPLE'}`],
    [
      'documented AWS example secret',
      `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY${'EXAMPLEKEY'}`,
    ],
    ['sha256 hashes', `${f.chars(HEX, 64)}  app.tar.gz\nsha256=${f.chars(HEX, 64)}\n`],
    [
      'sha1 hashes and git commit ids',
      `commit ${f.chars(HEX, 40)}\n${f.chars(HEX, 40)} refs/heads/main\n`,
    ],
    ['UUIDs', `id: ${f.uuid()}\nrequest_id=${f.uuid()}\n`],
    ['minified JS', minifiedJs],
    [
      'npm lockfile integrity',
      `"integrity": "sha512-${f.chars(B64, 86)}==",\n` +
        '"resolved": "https://registry.npmjs.org/a/-/a-1.0.0.tgz"',
    ],
    [
      'password placeholders',
      `password=${'$'}{DB_PASSWORD}\npassword: <your-password>\npassword=changeme\n`,
    ],
    [
      'password read from elsewhere',
      'password = os.environ["DB_PASSWORD"]\npassword=get_password()\n',
    ],
    ['key names around the secret', `password_hash = "${f.chars(HEX, 64)}"\ntoken_type=Bearer\n`],
    ['plain words', 'password = "password"\nsecret: topsecret\n'],
    ['URL without password', 'https://user@example.com/x and postgres://db:5432/app'],
    ['URL with placeholder password', `postgres://user:${'$'}{PASS}@db/app`],
    [
      'JWT-shaped text without a header',
      `eyJ${f.chars(ALNUM, 20)}.eyJ${f.chars(ALNUM, 20)}.${f.chars(ALNUM, 20)}`,
    ],
    ['token prefix inside a word', `myghp_${f.chars(ALNUM, 36)}x`],
  ];

  it.each(nearMisses)('does not report %s', (_name, text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('detectSecrets generic assignments', () => {
  const value = f.chars(ALNUM, 20);
  const table: [string, string, string[]][] = [
    ['env file line', `DB_PASSWORD=${value}`, ['generic-password']],
    ['quoted in code', `conn = connect(password="${value}")`, ['generic-password']],
    ['YAML', `  api_key: ${value}`, ['generic-api-key']],
    ['unquoted mid-line', `conn = connect(password=${value})`, []],
    ['quoted on a minified line', `${'a=1;'.repeat(120)}password:"${value}"`, []],
  ];

  it.each(table)('%s', (_name, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('reports a provider token once, under its provider rule, not also as generic', () => {
    const token = f.token(['gh', 'p_'], ALNUM, 36);
    expect(ids(`GITHUB_TOKEN=${token}`)).toEqual(['github-pat']);
  });
});

describe('scanTextBytes', () => {
  it('reports line numbers counted in the file', () => {
    const token = f.token(['gh', 'p_'], ALNUM, 36);
    const text = `one\ntwo\nthree ${token}\n`;
    const [match] = scanTextBytes(Buffer.from(text)).matches;
    expect(match?.line).toBe(3);
  });

  it('keeps byte offsets for non-ASCII text before the match', () => {
    const token = f.token(['gh', 'p_'], ALNUM, 36);
    const bytes = Buffer.from(`é ü ${token}`);
    const [match] = scanTextBytes(bytes).matches;
    expect(bytes.toString('latin1', match!.start, match!.start + token.length)).toBe(token);
  });

  it('finds base64 runs for the caller to decode', () => {
    const blob = Buffer.from(`token: ${f.chars(ALNUM, 30)}`).toString('base64');
    const { base64Runs } = scanTextBytes(Buffer.from(`data: ${blob}\n`));
    expect(base64Runs).toEqual([[6, 6 + blob.length]]);
  });
});
