import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_LIMITS, scanFileBytes } from '../../src/secret/scan-file.js';
import { tarOf } from '../helpers/image-builder.js';
import { ALNUM, Fakes } from './fakes.js';

const f = new Fakes(11);
const token = () => f.token(['gh', 'p_'], ALNUM, 36);
const jar = (files: Record<string, Buffer | string>) =>
  Buffer.from(
    zipSync(
      Object.fromEntries(
        Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? Buffer.from(v) : v]),
      ),
    ),
  );

describe('scanFileBytes', () => {
  it('reports a text match with its line, redacted form and fingerprint only', () => {
    const value = token();
    const out = scanFileBytes(Buffer.from(`a\nb\nGH=${value}\n`));
    expect(out.matches).toHaveLength(1);
    expect(out.matches[0]).toMatchObject({ ruleId: 'github-pat', line: 3 });
    expect(JSON.stringify(out)).not.toContain(value);
    expect(out.matches[0]!.redacted).toBe('ghp_****(40)');
  });

  it('skips binary content even when it holds a token', () => {
    const bytes = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), Buffer.from(token())]);
    expect(scanFileBytes(bytes).matches).toEqual([]);
  });

  it('opens a jar and names the member', () => {
    const value = token();
    const out = scanFileBytes(jar({ 'META-INF/MANIFEST.MF': 'x', 'app.properties': `t=${value}` }));
    expect(out.matches.map((m) => m.within)).toEqual([
      [{ kind: 'member', name: 'app.properties' }],
    ]);
  });

  it('opens gzip and tar, nested', async () => {
    const inner = await tarOf([{ name: 'etc/creds', content: `k=${token()}` }]);
    const out = scanFileBytes(gzipSync(inner));
    expect(out.matches[0]?.within).toEqual([
      { kind: 'gzip' },
      { kind: 'member', name: 'etc/creds' },
    ]);
  });

  it('decodes a base64 blob once and reports the line it starts on', () => {
    const blob = Buffer.from(`GITHUB_TOKEN=${token()}`).toString('base64');
    const out = scanFileBytes(Buffer.from(`kind: Secret\ndata:\n  t: ${blob}\n`));
    expect(out.matches).toHaveLength(1);
    expect(out.matches[0]?.within).toEqual([{ kind: 'base64', line: 3 }]);
  });

  it('does not decode base64 inside decoded base64', () => {
    const twice = Buffer.from(Buffer.from(`t=${token()}`).toString('base64')).toString('base64');
    expect(scanFileBytes(Buffer.from(`x: ${twice}\n`)).matches).toEqual([]);
  });
});

describe('scanFileBytes on hostile archives', () => {
  it('stops at the archive depth limit', () => {
    let bytes = jar({ 'deep.txt': `t=${token()}` });
    for (let i = 0; i < 4; i++) bytes = jar({ [`level${i}.jar`]: bytes });
    expect(scanFileBytes(bytes).matches).toEqual([]);
  });

  it('reports a zip bomb as a problem instead of inflating it', () => {
    const bomb = jar({ 'zeros.txt': Buffer.alloc(8 * 1024 * 1024, 0x61) });
    const out = scanFileBytes(bomb, { ...DEFAULT_FILE_LIMITS, maxInflatedBytes: 1024 * 1024 });
    expect(out.matches).toEqual([]);
    expect(out.problems?.[0]).toMatch(/inflate budget/);
  });

  it('reports a corrupt jar and keeps the matches found before it', () => {
    const good = jar({ 'a.txt': `t=${token()}` });
    const broken = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]);
    const outer = jar({ 'good.jar': good, 'broken.jar': broken });
    const out = scanFileBytes(outer);
    expect(out.matches).toHaveLength(1);
    expect(out.problems?.[0]).toMatch(/^broken\.jar: /);
  });

  it('reports truncated gzip as a problem', () => {
    const gz = gzipSync(Buffer.from('x'.repeat(1000))).subarray(0, 20);
    expect(scanFileBytes(gz).problems?.[0]).toMatch(/gzip data does not inflate/);
  });

  it('reports a tar member that runs past its archive', async () => {
    const tarBytes = await tarOf([{ name: 'a', content: 'y'.repeat(2000) }]);
    const out = scanFileBytes(tarBytes.subarray(0, 1024));
    expect(out.problems?.[0]).toMatch(/runs past the archive/);
  });
});
