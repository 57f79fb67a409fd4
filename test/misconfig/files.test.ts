import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDrydockError } from '../../src/errors.js';
import {
  checkPath,
  findDockerfiles,
  MAX_DOCKERFILE_CHARS,
  withSeverities,
} from '../../src/misconfig/index.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drydock-config-files-'));
  await writeFile(join(dir, 'Dockerfile.prod'), 'FROM a:1\nUSER root\nHEALTHCHECK NONE\n');
  await writeFile(join(dir, 'notes.txt'), 'FROM a\n');
  await mkdir(join(dir, 'Dockerfile.d'));
  await mkdir(join(dir, '.git'));
  await writeFile(join(dir, '.git', 'Dockerfile'), 'FROM a\n');
  await writeFile(join(dir, 'huge.dockerfile'), 'A'.repeat(MAX_DOCKERFILE_CHARS * 4 + 1));
  await writeFile(join(dir, 'binary.Dockerfile'), Buffer.from([0, 1, 2, 0xff, 10, 0]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('misconfig files', () => {
  it('finds Dockerfiles by name, not folders or skipped trees', async () => {
    const found = (await findDockerfiles(dir)).map((p) => p.slice(dir.length + 1));
    expect(found).toEqual(['Dockerfile.prod', 'binary.Dockerfile', 'huge.dockerfile']);
  });

  it('checks a single file given by path', async () => {
    const file = join(dir, 'Dockerfile.prod');
    const [result] = await checkPath(file);
    expect(result?.path).toBe(file);
    expect(result?.findings.map((f) => f.id)).toEqual(['DD-IMG-001', 'DD-IMG-002']);
  });

  it('reports a huge file and a binary file and still checks the others', async () => {
    const results = await checkPath(dir);
    const huge = results.find((r) => r.path === 'huge.dockerfile');
    expect(huge?.problems[0]?.message).toMatch(/^larger than \d+ bytes; not checked$/);
    const binary = results.find((r) => r.path === 'binary.Dockerfile');
    expect(binary?.findings).toEqual([]);
    expect(binary?.problems.length).toBeGreaterThan(0);
    expect(results.find((r) => r.path === 'Dockerfile.prod')?.findings).toHaveLength(2);
  });

  it('names a missing path in a user-facing error', async () => {
    const err = await findDockerfiles(join(dir, 'missing')).catch((e: unknown) => e);
    expect(isDrydockError(err, 'SOURCE_NOT_FOUND')).toBe(true);
  });

  it('filters findings by severity and keeps problems', async () => {
    const results = await checkPath(dir);
    const low = withSeverities(results, new Set(['LOW']));
    expect(low.find((r) => r.path === 'Dockerfile.prod')?.findings.map((f) => f.id)).toEqual([
      'DD-IMG-002',
    ]);
    expect(low.find((r) => r.path === 'huge.dockerfile')?.problems).toHaveLength(1);
  });
});
