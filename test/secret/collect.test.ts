import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLATFORM } from '../../src/image/platform.js';
import { openImage } from '../../src/image/sources.js';
import { walkImage } from '../../src/layer/index.js';
import type { WalkResult } from '../../src/layer/walk-result.js';
import {
  collectSecretFindings,
  type SecretFinding,
  secretConsumer,
} from '../../src/secret/index.js';
import { buildImage, buildLayer, writeOciLayout } from '../helpers/image-builder.js';
import { ALNUM, B64, Fakes, HEX } from './fakes.js';

const f = new Fakes(2024);
const planted = {
  githubPat: f.token(['gh', 'p_'], ALNUM, 36),
  stripe: f.token(['sk', '_live_'], ALNUM, 32),
  awsKeyId: f.token(['AK', 'IA'], 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16),
  awsSecret: f.chars(B64, 40),
  sendgrid: `S${'G'}.${f.chars(ALNUM, 22)}.${f.chars(ALNUM, 43)}`,
  dbPassword: f.chars(ALNUM, 18),
  openai: `sk-proj-${f.chars(ALNUM, 40)}${'T3Blbk'}FJ${f.chars(ALNUM, 40)}`,
  anthropic: `${f.token(['sk-ant', '-api03-'], ALNUM, 93)}AA`,
  privateKey: f.pem('OPENSSH PRIVATE KEY'),
  npm: f.token(['np', 'm_'], ALNUM, 36),
  gitlab: f.token(['gl', 'pat-'], ALNUM, 20),
  huggingface: f.token(['h', 'f_'], 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 34),
};

const nearMisses = [
  `aws_access_key_id = AKIA${'IOSFODNN7EXAMPLE'}`,
  `"integrity": "sha512-${f.chars(B64, 86)}=="`,
  `${f.chars(HEX, 64)}  layer.tar`,
  `${f.chars(HEX, 40)} refs/heads/main`,
  `request_id=${f.uuid()}`,
  'var a={password:e.password,token:t.token};function b(e){return e.secret}',
].join('\n');

let dir: string;
let walk: WalkResult;
let findings: SecretFinding[];
const configSpec = {
  Env: ['PATH=/usr/bin', `NPM_TOKEN=${planted.npm}`],
  Labels: { 'org.example.model-token': planted.huggingface },
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drydock-secret-'));
  const jar = zipSync({
    'META-INF/MANIFEST.MF': Buffer.from('Manifest-Version: 1.0\n'),
    'application.properties': Buffer.from(
      `mail.key=${planted.sendgrid}\ndb.url=postgres://app:${planted.dbPassword}@db:5432/app\n`,
    ),
  });
  const envLine = `ANTHROPIC_API_KEY=${planted.anthropic}`;
  const base = await buildLayer([
    {
      name: 'etc/app/config.yaml',
      content: `github: ${planted.githubPat}\nstripe: ${planted.stripe}\n`,
    },
    {
      name: 'root/.aws/credentials',
      content:
        `[default]\naws_access_key_id = ${planted.awsKeyId}\n` +
        `aws_secret_access_key = ${planted.awsSecret}\n`,
    },
    { name: 'app/near-misses.txt', content: nearMisses },
    {
      name: 'usr/bin/tool',
      content: Buffer.concat([Buffer.from([0x7f, 0x45, 0, 0]), Buffer.from(planted.githubPat)]),
    },
  ]);
  const middle = await buildLayer(
    [
      { name: 'app/lib/app.jar', content: Buffer.from(jar) },
      { name: 'app/backup.sql.gz', content: gzipSync(`-- key ${planted.openai}\n`) },
      {
        name: 'app/k8s/secret.yaml',
        content: `data:\n  env: ${Buffer.from(envLine).toString('base64')}\n`,
      },
      { name: 'home/dev/.ssh/id_ed25519', content: planted.privateKey },
    ],
    'zstd',
  );
  const top = await buildLayer([{ name: 'root/.aws/.wh.credentials', content: '' }], 'none');
  const image = buildImage({
    layers: [base, middle, top],
    config: configSpec,
    history: [
      { created_by: 'ADD rootfs /' },
      { created_by: `RUN |1 GITLAB_TOKEN=${planted.gitlab} /bin/sh -c make install` },
      { created_by: 'RUN rm /root/.aws/credentials' },
    ],
  });
  await writeOciLayout(join(dir, 'layout'), [{ image, tag: 'v1' }]);

  const opened = await openImage(`oci:${join(dir, 'layout')}:v1`, {
    platform: DEFAULT_PLATFORM,
    insecure: false,
    cacheDir: join(dir, 'cache'),
    maxManifestBytes: 1 << 20,
  });
  walk = await walkImage(opened, [secretConsumer()]);
  findings = collectSecretFindings(walk, opened);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const where = (x: SecretFinding) =>
  x.location.kind === 'file'
    ? `${x.ruleId} ${x.location.path} layer ${x.location.layer}`
    : `${x.ruleId} ${x.location.field} ${x.location.key}`;

describe('collectSecretFindings on an image built with planted secrets', () => {
  it('finds every planted secret with its layer, and nothing else', () => {
    expect(findings.map(where).sort()).toEqual(
      [
        'github-pat etc/app/config.yaml layer 0',
        'stripe-secret-key etc/app/config.yaml layer 0',
        'aws-access-key-id root/.aws/credentials layer 0',
        'aws-secret-access-key root/.aws/credentials layer 0',
        'sendgrid-api-key app/lib/app.jar layer 1',
        'postgres-url-password app/lib/app.jar layer 1',
        'openai-api-key app/backup.sql.gz layer 1',
        'anthropic-api-key app/k8s/secret.yaml layer 1',
        'private-key-openssh home/dev/.ssh/id_ed25519 layer 1',
        'npm-access-token Env NPM_TOKEN',
        'huggingface-token Labels org.example.model-token',
        'gitlab-pat history 1',
      ].sort(),
    );
  });

  it('says a removed file is still extractable from the layer that wrote it', () => {
    const removed = findings.filter((x) => x.location.kind === 'file' && x.location.removedBy);
    expect(removed.map((x) => x.note)).toEqual([
      'removed in layer 2, still extractable from layer 0',
      'removed in layer 2, still extractable from layer 0',
    ]);
  });

  it('names the archive member and the encoding a secret sits in', () => {
    const within = (rule: string) => {
      const hit = findings.find((x) => x.ruleId === rule);
      return hit?.location.kind === 'file' ? hit.location.within : undefined;
    };
    expect(within('sendgrid-api-key')).toEqual([
      { kind: 'member', name: 'application.properties' },
    ]);
    expect(within('openai-api-key')).toEqual([{ kind: 'gzip' }]);
    expect(within('anthropic-api-key')).toEqual([{ kind: 'base64', line: 2 }]);
  });

  it('never shows a planted value in full', () => {
    const json = JSON.stringify(findings);
    for (const [name, value] of Object.entries(planted)) {
      expect(json.includes(value), name).toBe(false);
    }
    const cached = JSON.stringify(walk.results('secret'));
    for (const value of Object.values(planted)) expect(cached.includes(value)).toBe(false);
  });
});

describe('collectSecretFindings allowlists', () => {
  it('drops findings by rule, by path glob and by value', () => {
    const kept = collectSecretFindings(walk, undefined, {
      rules: ['github-pat'],
      paths: ['app/**'],
      values: [planted.stripe],
    });
    expect(kept.map(where).sort()).toEqual([
      'aws-access-key-id root/.aws/credentials layer 0',
      'aws-secret-access-key root/.aws/credentials layer 0',
      'private-key-openssh home/dev/.ssh/id_ed25519 layer 1',
    ]);
  });

  it('skips a cached value that does not have the expected shape', () => {
    const broken = {
      layers: walk.layers,
      results: () => [{ path: 'x', layer: 0, value: { matches: 'nope' } }],
    } as unknown as WalkResult;
    expect(collectSecretFindings(broken)).toEqual([]);
  });
});
