import { describe, expect, it } from 'vitest';
import { isDrydockError } from '../../src/errors.js';
import { parseDockerfile } from '../../src/misconfig/dockerfile/parse.js';
import { dockerfileContext } from '../../src/misconfig/dockerfile/runtime.js';
import { runChecks, validateDisabled } from '../../src/misconfig/engine.js';
import type { CheckContext, FilesystemContext } from '../../src/misconfig/types.js';

const ctx = () => dockerfileContext(parseDockerfile('FROM a\nUSER root\nEXPOSE 22\n'));

describe('misconfiguration engine', () => {
  it('orders findings by severity, then id', () => {
    const { findings } = runChecks(ctx());
    expect(findings.map((f) => [f.severity, f.id])).toEqual([
      ['HIGH', 'DD-IMG-001'],
      ['HIGH', 'DD-IMG-003'],
      ['MEDIUM', 'DD-IMG-006'],
      ['LOW', 'DD-IMG-002'],
    ]);
  });

  it('turns checks off by id, in any case', () => {
    const { findings } = runChecks(ctx(), ['dd-img-001', ' DD-IMG-006 ']);
    expect(findings.map((f) => f.id)).toEqual(['DD-IMG-003', 'DD-IMG-002']);
  });

  it('rejects an unknown id as a usage error rather than disabling nothing', () => {
    let caught: unknown;
    try {
      validateDisabled(['DD-IMG-999']);
    } catch (err) {
      caught = err;
    }
    expect(isDrydockError(caught, 'USAGE')).toBe(true);
    expect((caught as Error).message).toBe('unknown misconfiguration check id DD-IMG-999');
  });

  it('runs the image-only checks on images alone', () => {
    // A filesystem that throws on any use shows which checks were asked to read it.
    const broken = { ...ctx(), fs: {} as FilesystemContext };
    expect(runChecks(broken).failed.map((f) => f.id)).toEqual(['DD-IMG-007']);
    const asImage = runChecks({ ...broken, target: 'image' }).failed.map((f) => f.id);
    expect(asImage).toContain('DD-FS-001');
  });

  it('reports a check that throws and keeps the findings of the others', () => {
    const broken: CheckContext = { ...ctx(), target: 'image', fs: {} as FilesystemContext };
    const { findings, failed } = runChecks(broken);
    expect(failed[0]?.message).toMatch(/undefined/);
    expect(findings.map((f) => f.id)).toContain('DD-IMG-001');
  });
});
