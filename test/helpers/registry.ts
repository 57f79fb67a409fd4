import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes, sign, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Starts a real distribution registry (Debian's docker-registry, distribution 2.8) for a
 * test, in one of three auth modes. Storage and config live in a temp dir that stop()
 * removes together with the process.
 */
export type RegistryMode = 'open' | 'basic' | 'token';

export const TEST_USER = 'drydock';
export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestRegistry {
  /** `127.0.0.1:PORT`, for references such as `${host}/repo:tag`. */
  host: string;
  mode: RegistryMode;
  /** Token requests seen by the token server (token mode only). */
  tokenRequests: { scope: string | null; authorized: boolean }[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port assigned');
  return address.port;
}

function baseConfig(dir: string, port: number): string {
  return [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${path.join(dir, 'storage')}`,
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
    '',
  ].join('\n');
}

function basicAuthConfig(dir: string): string {
  const line = execFileSync('htpasswd', ['-Bbn', TEST_USER, TEST_PASSWORD], { encoding: 'utf8' });
  const file = path.join(dir, 'htpasswd');
  writeFileSync(file, `${line.trim()}\n`);
  return ['auth:', '  htpasswd:', '    realm: drydock-test', `    path: ${file}`, ''].join('\n');
}

const SERVICE = 'drydock-test-registry';
const ISSUER = 'drydock-test-issuer';

function tokenAuthConfig(dir: string, realm: string): string {
  return [
    'auth:',
    '  token:',
    `    realm: ${realm}`,
    `    service: ${SERVICE}`,
    `    issuer: ${ISSUER}`,
    `    rootcertbundle: ${path.join(dir, 'token-cert.pem')}`,
    '',
  ].join('\n');
}

async function waitReady(host: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr()}`);
    try {
      const res = await fetch(`http://${host}/v2/`);
      await res.arrayBuffer();
      if (res.status === 200 || res.status === 401) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`docker-registry on ${host} did not become ready: ${stderr()}`);
}

/**
 * The port is picked free and then handed to the registry, so another process can take
 * it in between; a registry that exits at start is therefore tried again on a new port.
 */
export async function startRegistry(mode: RegistryMode): Promise<TestRegistry> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(mode);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function startOnce(mode: RegistryMode): Promise<TestRegistry> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drydock-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const tokenRequests: TestRegistry['tokenRequests'] = [];

  let config = baseConfig(dir, port);
  let tokenServer: Server | undefined;
  if (mode === 'basic') config += basicAuthConfig(dir);
  if (mode === 'token') {
    const started = await startTokenServer(dir, tokenRequests);
    tokenServer = started.server;
    config += tokenAuthConfig(dir, started.realm);
  }
  writeFileSync(path.join(dir, 'config.yml'), config);

  const child = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (tokenServer) await new Promise((resolve) => tokenServer.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitReady(host, child, () => stderr);
  } catch (err) {
    await stop();
    throw err;
  }
  return { host, mode, tokenRequests, stop };
}

/**
 * A token server after distribution's spec/auth/token.md. distribution 2.8 checks the JWT
 * signature with the key of the x5c leaf certificate, and that certificate must chain to
 * `rootcertbundle`; a self-signed certificate listed there is its own root.
 */
async function startTokenServer(dir: string, seen: TestRegistry['tokenRequests']) {
  const keyFile = path.join(dir, 'token-key.pem');
  const certFile = path.join(dir, 'token-cert.pem');
  const subject = '/CN=drydock-test-token';
  const curve = 'ec_paramgen_curve:prime256v1';
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', curve, '-nodes', '-days', '2'];
  args.push('-keyout', keyFile, '-out', certFile, '-subj', subject);
  execFileSync('openssl', args, { stdio: 'ignore' });
  const key = readFileSync(keyFile, 'utf8');
  const certDer = new X509Certificate(readFileSync(certFile)).raw.toString('base64');

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const auth = req.headers.authorization;
    const authorized = auth === basic(TEST_USER, TEST_PASSWORD);
    seen.push({ scope: url.searchParams.get('scope'), authorized });

    if (auth !== undefined && !authorized) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad login"}');
      return;
    }
    const access = grantedAccess(url.searchParams.getAll('scope'), authorized);
    const token = signJwt(key, certDer, url.searchParams.get('service') ?? '', access);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token, expires_in: 300, issued_at: new Date().toISOString() }));
  });

  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, realm: `http://127.0.0.1:${port}/token` };
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Anonymous callers may pull; pushing needs the test user, as on public registries. */
function grantedAccess(scopes: string[], authorized: boolean) {
  return scopes.flatMap((scope) => {
    const [type, name, actions] = scope.split(':');
    if (type !== 'repository' || !name || !actions) return [];
    const granted = actions.split(',').filter((a) => authorized || a === 'pull');
    return [{ type, name, actions: granted }];
  });
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

function signJwt(key: string, certDer: string, service: string, access: unknown[]): string {
  const now = Math.floor(Date.now() / 1000);
  const head = { typ: 'JWT', alg: 'ES256', x5c: [certDer] };
  const claims = {
    iss: ISSUER,
    sub: TEST_USER,
    aud: service,
    iat: now,
    nbf: now - 10,
    exp: now + 300,
    jti: createHash('sha256').update(randomBytes(16)).digest('hex'),
    access,
  };
  const input = `${b64url(JSON.stringify(head))}.${b64url(JSON.stringify(claims))}`;
  // JWS ES256 (RFC 7518 section 3.4) wants the raw r||s form, not DER.
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(signature)}`;
}
