import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A small hand-written registry for hostile-peer tests: it serves one tiny image the
 * honest way unless the test's handler answers a request first.
 */
export interface TinyImage {
  manifest: Buffer;
  manifestDigest: string;
  config: Buffer;
  configDigest: string;
  layer: Buffer;
  layerDigest: string;
}

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export function tinyImage(): TinyImage {
  const layer = Buffer.from('pretend this is a gzipped tar');
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [sha256(Buffer.from('uncompressed'))] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: sha256(layer),
          size: layer.length,
        },
      ],
    }),
  );
  return {
    manifest,
    manifestDigest: sha256(manifest),
    config,
    configDigest: sha256(config),
    layer,
    layerDigest: sha256(layer),
  };
}

export interface SeenRequest {
  method: string;
  path: string;
  authorization?: string;
}

/** Returns true when it answered the request itself. */
export type Handler = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest[]) => boolean;

export interface FakeRegistry {
  host: string;
  seen: SeenRequest[];
  hits(pathPart: string): number;
  stop(): Promise<void>;
}

function serveImage(image: TinyImage, req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '';
  if (url.includes('/manifests/')) {
    res.writeHead(200, {
      'content-type': 'application/vnd.oci.image.manifest.v1+json',
      'docker-content-digest': image.manifestDigest,
    });
    res.end(image.manifest);
    return;
  }
  const blobs: Record<string, Buffer> = {
    [image.configDigest]: image.config,
    [image.layerDigest]: image.layer,
  };
  const blob = blobs[url.split('/blobs/')[1] ?? ''];
  if (blob) {
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(blob);
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[]}');
}

export async function startFake(handler: Handler, image = tinyImage()): Promise<FakeRegistry> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
    });
    if (!handler(req, res, seen)) serveImage(image, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');

  return {
    host: `127.0.0.1:${address.port}`,
    seen,
    hits: (part) => seen.filter((r) => r.path.includes(part)).length,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Counts requests whose path contains `part` and answers the first `times` of them. */
export function firstTimes(part: string, times: number, answer: (res: ServerResponse) => void) {
  let count = 0;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!(req.url ?? '').includes(part) || count >= times) return false;
    count++;
    answer(res);
    return true;
  };
}
