import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/misconfig/dockerfile/parse.js';
import { dockerfileContext } from '../../../src/misconfig/dockerfile/runtime.js';

const ctxOf = (text: string) => dockerfileContext(parseDockerfile(text));

describe('dockerfileContext', () => {
  it('follows the final stage through the stages it is built FROM', () => {
    const text = [
      'FROM a:1 AS base',
      'USER app',
      'EXPOSE 80',
      'FROM b:1 AS unrelated',
      'USER root',
      'EXPOSE 22',
      'FROM base',
      'HEALTHCHECK --interval=5s CMD curl -f http://localhost/',
      'ENV A=1',
      'ENV A=2',
      'LABEL org.opencontainers.image.title="demo app"',
    ].join('\n');
    const ctx = ctxOf(text);

    expect([...ctx.finalStages].sort()).toEqual([0, 2]);
    expect(ctx.runtime.user).toEqual({ value: 'app', origin: { line: 2 } });
    expect(ctx.runtime.ports.map((p) => p.value)).toEqual(['80']);
    expect(ctx.runtime.healthcheck?.value).toEqual(['CMD-SHELL', 'curl -f http://localhost/']);
    expect(ctx.runtime.env).toEqual([{ value: { name: 'A', value: '2' }, origin: { line: 10 } }]);
    expect(ctx.runtime.labels).toEqual({ 'org.opencontainers.image.title': 'demo app' });
  });

  it('reads HEALTHCHECK NONE as disabled and a file with no stages as empty', () => {
    expect(ctxOf('FROM a:1\nHEALTHCHECK NONE\n').runtime.healthcheck?.value).toEqual(['NONE']);
    expect(ctxOf('').finalStages.size).toBe(0);
  });
});
