import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuthContext, answerChallenge, TokenCache } from '../../../src/image/registry/auth.js';
import { createRegistrySource } from '../../../src/image/registry/index.js';
import type { OpenOptions } from '../../../src/image/types.js';
import { freePort } from '../../helpers/registry.js';
import { type FakeRegistry, type Handler, startFake } from './fake-registry.js';
import { readVerified } from './read-image.js';

const RETRY = { attempts: 2, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 20 };
const ENV = { HOME: '/nonexistent', PATH: '' };

function options(extra: Partial<OpenOptions> = {}): OpenOptions {
  return {
    platform: { os: 'linux', architecture: 'amd64' },
    insecure: true,
    cacheDir: os.tmpdir(),
    maxManifestBytes: 64 * 1024,
    ...extra,
  };
}

let fakes: FakeRegistry[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
  fakes = [];
});

async function fake(handler: Handler): Promise<FakeRegistry> {
  const started = await startFake(handler);
  fakes.push(started);
  return started;
}

/** A registry that answers every request without the right bearer token with `challenge`. */
function bearerRegistry(challenge: string, token = 'good-token'): Handler {
  return (req, res) => {
    if (req.headers.authorization === `Bearer ${token}`) return false;
    res.writeHead(401, { 'www-authenticate': challenge }).end('{"errors":[]}');
    return true;
  };
}

function json(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  return true;
}

describe('registry auth with a bearer token realm', () => {
  it('accepts access_token, sends the scope and reuses the token for every blob', async () => {
    const realm = await fake((_req, res) => json(res, 200, { access_token: 'good-token' }));
    const challenge = `Bearer realm="http://${realm.host}/auth",service="fake.test"`;
    const reg = await fake(bearerRegistry(challenge));
    const source = createRegistrySource({ retry: RETRY, env: ENV });

    const image = await source.open(`${reg.host}/team/app:1`, options());
    await readVerified(image, image.layers[0]!);
    await image.close();

    expect(realm.seen).toHaveLength(1);
    const asked = new URL(realm.seen[0]!.path, 'http://x');
    expect(asked.searchParams.get('service')).toBe('fake.test');
    expect(asked.searchParams.get('scope')).toBe('repository:team/app:pull');
    expect(reg.seen.filter((r) => r.authorization === 'Bearer good-token')).toHaveLength(3);
  });

  it('sends basic credentials to the realm and fails clearly when it rejects them', async () => {
    const realm = await fake((_req, res) => json(res, 401, { details: 'no' }));
    const challenge = `Bearer realm="http://${realm.host}/auth",service="fake.test"`;
    const reg = await fake(bearerRegistry(challenge));
    const source = createRegistrySource({ retry: RETRY, env: ENV });

    const open = source.open(`${reg.host}/team/app:1`, options({ username: 'u', password: 'p' }));
    await expect(open).rejects.toMatchObject({ code: 'REGISTRY_AUTH' });
    await expect(open).rejects.toThrow(`registry ${reg.host}: token realm`);
    expect(realm.seen[0]?.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('exchanges an identity token from the auth file with an OAuth2 refresh POST', async () => {
    const forms: URLSearchParams[] = [];
    const realm = await fake((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        forms.push(new URLSearchParams(body));
        json(res, 200, { access_token: 'good-token', expires_in: 120 });
      });
      return true;
    });
    const challenge = `Bearer realm="http://${realm.host}/oauth",service="fake.test"`;
    const reg = await fake(bearerRegistry(challenge));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'drydock-idtoken-'));
    const authFile = path.join(dir, 'config.json');
    writeFileSync(authFile, JSON.stringify({ auths: { [reg.host]: { identitytoken: 'idt' } } }));
    const source = createRegistrySource({ retry: RETRY, env: ENV });

    try {
      const image = await source.open(`${reg.host}/team/app:1`, options({ authFile }));
      await image.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(realm.seen[0]?.method).toBe('POST');
    expect(Object.fromEntries(forms[0] ?? [])).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'idt',
      service: 'fake.test',
      scope: 'repository:team/app:pull',
    });
  });

  it('reports a registry that refuses the token it was given', async () => {
    const realm = await fake((_req, res) => json(res, 200, { token: 'wrong-token' }));
    const challenge = `Bearer realm="http://${realm.host}/auth"`;
    const reg = await fake(bearerRegistry(challenge));
    const source = createRegistrySource({ retry: RETRY, env: ENV });
    const open = source.open(`${reg.host}/team/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'REGISTRY_AUTH' });
    await expect(open).rejects.toThrow(`registry ${reg.host} refused access to team/app`);
  });
});

describe('registry auth against hostile challenges', () => {
  const source = createRegistrySource({ retry: RETRY, env: ENV });

  it.each([
    ['an ftp realm', 'Bearer realm="ftp://example.test/token"', /is not an http\(s\) url/],
    ['a realm that is no url', 'Bearer realm="not a url"', /is not a valid url/],
    ['no realm at all', 'Bearer service="x"', /names no token realm/],
    ['an unterminated quote', 'Bearer realm="http://x', /malformed WWW-Authenticate/],
    ['garbage after a value', 'Bearer realm=x y z', /malformed WWW-Authenticate/],
    ['an unknown scheme', 'Negotiate', /unsupported authentication challenge \(negotiate\)/],
    ['no header', '', /unsupported authentication challenge \(none\)/],
    ['a 12 KiB header', `Bearer realm="${'a'.repeat(12_000)}"`, /malformed WWW-Authenticate/],
  ])('ends in REGISTRY_AUTH for %s', async (_name, challenge, message) => {
    const reg = await fake((_req, res) => {
      res.writeHead(401, challenge ? { 'www-authenticate': challenge } : {}).end();
      return true;
    });
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'REGISTRY_AUTH' });
    await expect(open).rejects.toThrow(message);
  });

  it('ends in REGISTRY_PROTOCOL naming the url when the headers overflow the client', async () => {
    const reg = await fake((_req, res) => {
      res.writeHead(401, { 'www-authenticate': `Bearer realm="${'a'.repeat(100_000)}"` }).end();
      return true;
    });
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'REGISTRY_PROTOCOL' });
    await expect(open).rejects.toThrow(`manifest ${reg.host}/r/app:1 failed`);
  });

  it('ends in NETWORK naming the realm when its port is closed', async () => {
    const port = await freePort();
    const reg = await fake(bearerRegistry(`Bearer realm="http://127.0.0.1:${port}/token"`));
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(open).rejects.toThrow(`token request to http://127.0.0.1:${port}/token failed`);
  });

  it.each([
    ['not JSON', 'hello'],
    ['an empty token', JSON.stringify({ token: '' })],
    ['a token of the wrong type', JSON.stringify({ token: 42 })],
  ])('ends in REGISTRY_AUTH when the realm answers %s', async (_name, body) => {
    const realm = await fake((_req, res) => {
      res.writeHead(200).end(body);
      return true;
    });
    const reg = await fake(bearerRegistry(`Bearer realm="http://${realm.host}/t"`));
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'REGISTRY_AUTH' });
    await expect(open).rejects.toThrow(`token realm http://${realm.host}`);
  });

  it('asks for credentials on a Basic challenge when none are configured', async () => {
    const reg = await fake((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
      return true;
    });
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toThrow(`registry ${reg.host}: credentials are required`);
  });
});

describe('registry auth answerChallenge', () => {
  const context = (insecure: boolean): AuthContext => ({
    registry: 'registry.example',
    repository: 'r/app',
    insecure,
    http: { dispatcher: new Agent(), headersTimeoutMs: 1000, bodyTimeoutMs: 1000 },
    retry: RETRY,
    cache: new TokenCache(),
    credentials: async () => ({ kind: 'basic', username: 'u', password: 'p', from: 'test' }),
  });

  it('refuses to send credentials to a plain-http realm unless insecure is set', async () => {
    const challenge = { scheme: 'bearer', params: { realm: 'http://auth.example/token' } };
    await expect(answerChallenge(context(false), [challenge])).rejects.toMatchObject({
      code: 'REGISTRY_AUTH',
      message: expect.stringContaining('refusing to send credentials to plain-http token realm'),
    });
  });

  it('answers a Basic challenge with the configured credentials', async () => {
    const got = await answerChallenge(context(false), [{ scheme: 'basic', params: {} }]);
    expect(got).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });
});

describe('registry auth TokenCache', () => {
  it('returns a token until shortly before it expires', () => {
    const cache = new TokenCache();
    cache.set('k', 'tok', 60, 1_000_000);
    expect(cache.get('k', 1_000_000 + 50_000)).toBe('tok');
    expect(cache.get('k', 1_000_000 + 56_000)).toBeUndefined();
    expect(cache.get('other', 1_000_000)).toBeUndefined();
  });
});
