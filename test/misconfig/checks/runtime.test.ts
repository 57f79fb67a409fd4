// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile text, not templates
import { describe, expect, it } from 'vitest';
import { isSecretName, looksLikeSecret } from '../../../src/misconfig/checks/runtime.js';
import { checkDockerfile } from '../../../src/misconfig/index.js';
import { BASE, CLEAN_CONFIG, findingOf } from '../helpers.js';

const ids = (text: string) => checkDockerfile(text).findings.map((f) => f.id);

describe('runtime checks on images', () => {
  it.each([
    ['no User at all', {}, 'no USER is set, so the container runs as root'],
    ['User root', { User: 'root' }, 'USER is root'],
    ['User 0:0', { User: '0:0' }, 'USER is 0:0'],
    ['a name with uid 0 in etc/passwd', { User: 'toor' }, 'USER toor has uid 0 in etc/passwd'],
  ])('DD-IMG-001 flags %s', async (_name, config, detail) => {
    const passwd = 'root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\n';
    const finding = await findingOf('DD-IMG-001', {
      layers: [[{ name: 'etc/passwd', content: passwd }]],
      config: { ...CLEAN_CONFIG, User: undefined, ...config },
    });
    expect(finding?.evidence.map((e) => e.detail)).toEqual([detail]);
  });

  it('DD-IMG-001 ties USER to the history step that set it', async () => {
    const finding = await findingOf('DD-IMG-001', {
      layers: [BASE],
      config: { ...CLEAN_CONFIG, User: 'root' },
      history: [
        { created_by: '/bin/sh -c #(nop) ADD file:1 in /' },
        { created_by: 'USER root', empty_layer: true },
      ],
    });
    expect(finding?.evidence[0]).toMatchObject({ historyIndex: 1, createdBy: 'USER root' });
  });

  it('DD-IMG-001 passes an unprivileged name or uid', async () => {
    for (const User of ['app', '1000', '1000:1000']) {
      const spec = { layers: [BASE], config: { ...CLEAN_CONFIG, User } };
      expect(await findingOf('DD-IMG-001', spec)).toBeUndefined();
    }
  });

  it('DD-IMG-002 flags a missing or disabled health check and passes a real one', async () => {
    const none = await findingOf('DD-IMG-002', {
      layers: [BASE],
      config: { User: 'app', Healthcheck: { Test: ['NONE'] } },
    });
    expect(none?.evidence[0]?.detail).toBe('HEALTHCHECK NONE');
    const missing = await findingOf('DD-IMG-002', { layers: [BASE], config: { User: 'app' } });
    expect(missing?.severity).toBe('LOW');
    expect(await findingOf('DD-IMG-002', { layers: [BASE], config: CLEAN_CONFIG })).toBeUndefined();
  });

  it('DD-IMG-003 flags remote administration ports and no others', async () => {
    const finding = await findingOf('DD-IMG-003', {
      layers: [BASE],
      config: { ...CLEAN_CONFIG, ExposedPorts: { '22/tcp': {}, '8080/tcp': {}, '2375/tcp': {} } },
    });
    expect(finding?.evidence.map((e) => e.detail)).toEqual([
      'exposes 22/tcp (22: SSH)',
      'exposes 2375/tcp (2375: Docker daemon without TLS)',
    ]);
    const web = { ...CLEAN_CONFIG, ExposedPorts: { '80/tcp': {}, '443/tcp': {} } };
    expect(await findingOf('DD-IMG-003', { layers: [BASE], config: web })).toBeUndefined();
  });

  it('DD-IMG-004 flags secrets in Env without printing them, and passes pointers', async () => {
    const finding = await findingOf('DD-IMG-004', {
      layers: [BASE],
      config: {
        ...CLEAN_CONFIG,
        Env: [
          'DB_PASSWORD=hunter2',
          'PASSWORD_FILE=/run/secrets/db',
          'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
          'MISC=AKIAIOSFODNN7EXAMPLE',
          'EMPTY_TOKEN=',
        ],
      },
    });
    const details = finding?.evidence.map((e) => e.detail) ?? [];
    expect(details).toHaveLength(2);
    expect(details[0]).toMatch(/^ENV DB_PASSWORD is named like a secret/);
    expect(details[1]).toMatch(/^ENV MISC holds a value shaped like a credential/);
    expect(JSON.stringify(finding)).not.toMatch(/hunter2|AKIAIOSFODNN7EXAMPLE/);
  });

  it('DD-IMG-004 flags build arguments recorded in history', async () => {
    const finding = await findingOf('DD-IMG-004', {
      layers: [BASE],
      config: CLEAN_CONFIG,
      history: [{ created_by: '|2 NPM_TOKEN=abc VERSION=1 /bin/sh -c npm ci' }],
    });
    expect(finding?.evidence).toEqual([
      expect.objectContaining({ historyIndex: 0, detail: expect.stringMatching(/NPM_TOKEN/) }),
    ]);
  });
});

describe('runtime checks on Dockerfiles', () => {
  it('judges only the final stage and what it inherits', () => {
    const text = [
      'FROM golang:1.22 AS build',
      'EXPOSE 22',
      'FROM debian:12 AS base',
      'USER app',
      'HEALTHCHECK CMD true',
      'FROM base',
      'EXPOSE 8080',
    ].join('\n');
    expect(ids(text)).toEqual([]);
  });

  it.each([
    ['USER root', 'DD-IMG-001'],
    ['USER 0', 'DD-IMG-001'],
    ['HEALTHCHECK NONE', 'DD-IMG-002'],
    ['EXPOSE 3389/tcp', 'DD-IMG-003'],
    ['EXPOSE 2370-2380', 'DD-IMG-003'],
    ['ENV API_KEY=abc', 'DD-IMG-004'],
    ['ENV GITHUB_TOKEN ghp_xxx', 'DD-IMG-004'],
    ['ARG AWS_SECRET_ACCESS_KEY=abc', 'DD-IMG-004'],
  ])('flags %s', (line, id) => {
    const text = `FROM debian:12\nUSER app\nHEALTHCHECK CMD true\n${line}\n`;
    expect(ids(text)).toEqual([id]);
  });

  it('says when USER names a build argument that has no default', () => {
    const found = checkDockerfile('FROM a:1\nARG UID\nUSER ${UID}\n').findings[0];
    expect(found?.evidence).toEqual([
      {
        line: 3,
        detail: 'USER is empty with the default build arguments, so the container runs as root',
      },
    ]);
  });

  it('expands ARG values in EXPOSE and USER', () => {
    const text = 'FROM debian:12\nARG PORT=22\nARG WHO=root\nEXPOSE ${PORT}\nUSER $WHO\n';
    expect(ids(text)).toEqual(['DD-IMG-001', 'DD-IMG-003', 'DD-IMG-002']);
  });

  it('flags ENV secrets of an earlier stage too: they are published with the source', () => {
    const text = 'FROM a:1 AS b\nENV SECRET=x\nFROM c:1\nUSER app\nHEALTHCHECK CMD true\n';
    expect(ids(text)).toEqual(['DD-IMG-004']);
  });
});

describe('secret names and values', () => {
  it.each([
    ['DB_PASSWORD', true],
    ['dbPassword', true],
    ['API_KEY', true],
    ['SECRET_KEY_BASE', true],
    ['AUTH_TOKEN', true],
    ['GPG_KEY', false],
    ['PASSWORD_FILE', false],
    ['TOKEN_URL', false],
    ['PATH', false],
    ['KEYCLOAK_HOST', false],
  ])('isSecretName(%s) is %s', (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });

  it.each([
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE', true],
    ['a PEM private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE', true],
    ['a version', '1.2.3', false],
    ['a hostile PEM-like run', `-----BEGIN ${'A '.repeat(100_000)}`, false],
  ])('looksLikeSecret on %s', (_name, value, expected) => {
    expect(looksLikeSecret(value)).toBe(expected);
  });
});
