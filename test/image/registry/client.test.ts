import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistrySource } from '../../../src/image/registry/index.js';
import type { OpenOptions } from '../../../src/image/types.js';
import {
  type FakeRegistry,
  firstTimes,
  type Handler,
  startFake,
  tinyImage,
} from './fake-registry.js';
import { readVerified } from './read-image.js';

const RETRY = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 20 };
const source = createRegistrySource({ retry: RETRY, env: { HOME: '/nonexistent', PATH: '' } });

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

async function fake(handler: Handler, image = tinyImage()): Promise<FakeRegistry> {
  const started = await startFake(handler, image);
  fakes.push(started);
  return started;
}

describe('registry client retries transient failures', () => {
  it('succeeds when the manifest answers 500 once and then 200', async () => {
    const reg = await fake(firstTimes('/manifests/', 1, (res) => res.writeHead(500).end()));
    const image = await source.open(`${reg.host}/r/app:1`, options());
    expect(image.layers).toHaveLength(1);
    expect(reg.hits('/manifests/')).toBe(2);
    await image.close();
  });

  it('waits out a 429 whose Retry-After is capped by the policy', async () => {
    const tooMany = (res: import('node:http').ServerResponse) =>
      res.writeHead(429, { 'retry-after': '3600' }).end();
    const reg = await fake(firstTimes('/manifests/', 2, tooMany));
    const image = await source.open(`${reg.host}/r/app:1`, options());
    expect(reg.hits('/manifests/')).toBe(3);
    await image.close();
  });

  it('retries a connection reset before any response', async () => {
    let resets = 0;
    const reg = await fake((req) => {
      if (!req.url?.includes('/manifests/') || resets > 0) return false;
      resets++;
      req.socket.destroy();
      return true;
    });
    const image = await source.open(`${reg.host}/r/app:1`, options());
    expect(image.manifestDigest).toBe(tinyImage().manifestDigest);
    await image.close();
  });

  it('fetches a manifest again when its body breaks off halfway', async () => {
    const img = tinyImage();
    let cut = 0;
    const reg = await fake((req, res) => {
      if (!req.url?.includes('/manifests/') || cut > 0) return false;
      cut++;
      res.writeHead(200, { 'content-length': img.manifest.length });
      res.write(img.manifest.subarray(0, 10), () => res.socket?.destroy());
      return true;
    }, img);
    const image = await source.open(`${reg.host}/r/app:1`, options());
    expect(image.manifestDigest).toBe(img.manifestDigest);
    expect(reg.hits('/manifests/')).toBe(2);
    await image.close();
  });

  it('gives up after the bounded attempts with the url and status', async () => {
    const reg = await fake((_req, res) => {
      res.writeHead(503).end();
      return true;
    });
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'REGISTRY_HTTP' });
    await expect(open).rejects.toThrow(`http://${reg.host}/v2/r/app/manifests/1 answered HTTP 503`);
    expect(reg.hits('/manifests/')).toBe(RETRY.attempts);
  });

  it('retries opening a blob stream that answers 502 first', async () => {
    const img = tinyImage();
    const reg = await fake(
      firstTimes(`/blobs/${img.layerDigest}`, 1, (r) => r.writeHead(502).end()),
    );
    const image = await source.open(`${reg.host}/r/app:1`, options());
    const bytes = await readVerified(image, image.layers[0]!);
    expect(bytes.equals(img.layer)).toBe(true);
    expect(reg.hits('/blobs/')).toBe(3);
    await image.close();
  });
});

describe('registry client verifies what it reads', () => {
  it('rejects manifest bytes that do not match the digest pulled by', async () => {
    const img = tinyImage();
    const other = `sha256:${'a'.repeat(64)}`;
    const reg = await fake(() => false, img);
    const open = source.open(`${reg.host}/r/app@${other}`, options());
    await expect(open).rejects.toMatchObject({ code: 'BLOB_DIGEST_MISMATCH' });
    await expect(open).rejects.toThrow(other);
  });

  it('rejects a Docker-Content-Digest header that lies about the manifest', async () => {
    const lie = `sha256:${'b'.repeat(64)}`;
    const reg = await fake((req, res) => {
      if (!req.url?.includes('/manifests/')) return false;
      res.writeHead(200, { 'docker-content-digest': lie }).end(tinyImage().manifest);
      return true;
    });
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'BLOB_DIGEST_MISMATCH' });
  });

  it.each([
    ['with a Content-Length', true],
    ['streamed without a length', false],
  ])('cuts off an oversized manifest %s', async (_name, withLength) => {
    const huge = Buffer.alloc(200 * 1024, 0x20);
    const reg = await fake((req, res) => {
      if (!req.url?.includes('/manifests/')) return false;
      if (withLength) res.writeHead(200, { 'content-length': huge.length });
      else res.writeHead(200);
      res.end(huge);
      return true;
    });
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'BLOB_TOO_LARGE' });
    await expect(open).rejects.toThrow(/manifest .*r\/app:1 is larger than the limit of 65536/);
  });

  it('reports a missing config blob as BLOB_MISSING naming the digest', async () => {
    const img = tinyImage();
    const reg = await fake(
      firstTimes(`/blobs/${img.configDigest}`, 99, (r) => r.writeHead(404).end()),
    );
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'BLOB_MISSING' });
    await expect(open).rejects.toThrow(img.configDigest);
  });

  it('reports a missing layer blob as BLOB_MISSING naming the digest', async () => {
    const img = tinyImage();
    const reg = await fake(
      firstTimes(`/blobs/${img.layerDigest}`, 99, (r) => r.writeHead(404).end()),
    );
    const image = await source.open(`${reg.host}/r/app:1`, options());
    const read = readVerified(image, image.layers[0]!);
    await expect(read).rejects.toMatchObject({ code: 'BLOB_MISSING' });
    await expect(read).rejects.toThrow(img.layerDigest);
    await image.close();
  });

  it('lets DigestVerifier catch a layer whose bytes were swapped', async () => {
    const img = tinyImage();
    const swapped = Buffer.from(img.layer.toString().toUpperCase());
    const reg = await fake(firstTimes(`/blobs/${img.layerDigest}`, 99, (r) => r.end(swapped)));
    const image = await source.open(`${reg.host}/r/app:1`, options());
    const read = readVerified(image, image.layers[0]!);
    await expect(read).rejects.toMatchObject({ code: 'BLOB_DIGEST_MISMATCH' });
    await image.close();
  });

  it('refuses docker schema 1 manifests with a clear message', async () => {
    const schema1 = Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'r/app', fsLayers: [] }));
    const reg = await fake((req, res) => {
      if (!req.url?.includes('/manifests/')) return false;
      const type = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
      res.writeHead(200, { 'content-type': type }).end(schema1);
      return true;
    });
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'SOURCE_UNSUPPORTED' });
    await expect(open).rejects.toThrow(/schema 1/);
  });

  it('rejects a manifest that is not JSON as MANIFEST_INVALID', async () => {
    const reg = await fake(firstTimes('/manifests/', 99, (res) => res.end('<html>oops</html>')));
    const open = source.open(`${reg.host}/r/app:1`, options());
    await expect(open).rejects.toMatchObject({ code: 'MANIFEST_INVALID' });
  });
});

describe('registry client follows blob redirects safely', () => {
  it('does not send the registry Authorization header to another host', async () => {
    const img = tinyImage();
    const storage = await fake((_req, res) => {
      res.end(img.layer);
      return true;
    });
    const reg = await fake((req, res) => {
      if (!req.headers.authorization) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="fake"' }).end();
        return true;
      }
      if (!req.url?.includes(`/blobs/${img.layerDigest}`)) return false;
      res.writeHead(307, { location: `http://${storage.host}/bucket/layer?sig=x` }).end();
      return true;
    }, img);

    const image = await source.open(
      `${reg.host}/r/app:1`,
      options({ username: 'u', password: 'p' }),
    );
    const bytes = await readVerified(image, image.layers[0]!);
    expect(bytes.equals(img.layer)).toBe(true);
    expect(reg.seen.at(-1)?.authorization).toMatch(/^Basic /);
    expect(storage.seen).toEqual([
      { method: 'GET', path: '/bucket/layer?sig=x', authorization: undefined },
    ]);
    await image.close();
  });

  it('refuses a redirect to a non-http url', async () => {
    const img = tinyImage();
    const reg = await fake((req, res) => {
      if (!req.url?.includes(`/blobs/${img.layerDigest}`)) return false;
      res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      return true;
    }, img);
    const image = await source.open(`${reg.host}/r/app:1`, options());
    await expect(readVerified(image, image.layers[0]!)).rejects.toMatchObject({
      code: 'REGISTRY_PROTOCOL',
    });
    await image.close();
  });
});
