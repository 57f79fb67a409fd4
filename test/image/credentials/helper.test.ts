import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findHelper, runHelper } from '../../../src/image/credentials/helper.js';

const bin = mkdtempSync(path.join(os.tmpdir(), 'drydock-helper-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function script(name: string, body: string, mode = 0o755): string {
  const file = path.join(bin, `docker-credential-${name}`);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, mode);
  return file;
}

const env = { PATH: bin };

describe('credential helper findHelper', () => {
  it('finds an executable docker-credential-<name> on PATH', () => {
    const file = script('present', 'exit 0');
    expect(findHelper('present', env)).toBe(file);
  });

  it('ignores a file that is not executable', () => {
    script('noexec', 'exit 0', 0o644);
    expect(findHelper('noexec', env)).toBeUndefined();
  });

  it('returns undefined when no such program is on PATH', () => {
    expect(findHelper('absent', env)).toBeUndefined();
  });

  it.each(['../../bin/sh', 'a/b', '', '-rf', 'x'.repeat(100)])(
    'rejects the hostile helper name %j',
    (name) => {
      expect(() => findHelper(name, env)).toThrow(/invalid credential helper name/);
    },
  );
});

describe('credential helper runHelper', () => {
  it('returns basic credentials and passes the server on stdin', async () => {
    const file = script(
      'echo',
      'read -r s || true\nprintf \'{"ServerURL":"%s","Username":"u-%s","Secret":"p"}\' "$s" "$s"',
    );
    expect(await runHelper(file, 'ghcr.io', env)).toMatchObject({
      kind: 'basic',
      username: 'u-ghcr.io',
      password: 'p',
    });
  });

  it('treats "credentials not found" as no credentials', async () => {
    const file = script('none', 'echo "credentials not found in native keychain"; exit 1');
    expect(await runHelper(file, 'ghcr.io', env)).toBeUndefined();
  });

  it('fails with CREDENTIALS when the helper fails for another reason', async () => {
    const file = script('broken', 'echo "keychain locked" >&2; exit 3');
    await expect(runHelper(file, 'ghcr.io', env)).rejects.toMatchObject({
      code: 'CREDENTIALS',
      message: expect.stringContaining('keychain locked'),
    });
  });

  it.each([
    ['not JSON', 'echo "hello"'],
    ['JSON without a Secret', 'echo \'{"Username":"u"}\''],
    ['a JSON array', 'echo "[]"'],
  ])('fails with CREDENTIALS when the answer is %s', async (_name, body) => {
    const file = script(`garbage-${Math.random().toString(36).slice(2)}`, body);
    await expect(runHelper(file, 'ghcr.io', env)).rejects.toMatchObject({
      code: 'CREDENTIALS',
      message: expect.stringContaining('unreadable answer'),
    });
  });
});
