// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile text, not templates
import { describe, expect, it } from 'vitest';
import { parseDockerfile, parseSteps } from '../../../src/misconfig/dockerfile/parse.js';

const at = (text: string, line: number) =>
  parseDockerfile(text).instructions.find((i) => i.origin.line === line);

describe('parseDockerfile', () => {
  it('reads keywords in any case, flags, exec forms and stages', () => {
    const text = [
      'from --platform=linux/amd64 golang:1.22 AS Build',
      'run --mount=type=cache,target=/root/.cache go build ./...',
      'FROM gcr.io/distroless/static:nonroot',
      'COPY --from=build --chown=65532:65532 /out/app /app',
      'ENTRYPOINT ["/app"]',
    ].join('\n');
    const { instructions, stages, problems } = parseDockerfile(text);

    expect(problems).toEqual([]);
    expect(stages.map((s) => [s.index, s.name, s.base])).toEqual([
      [0, 'build', 'golang:1.22'],
      [1, undefined, 'gcr.io/distroless/static:nonroot'],
    ]);
    expect(instructions.map((i) => [i.keyword, i.stage])).toEqual([
      ['FROM', 0],
      ['RUN', 0],
      ['FROM', 1],
      ['COPY', 1],
      ['ENTRYPOINT', 1],
    ]);
    expect(instructions[0]?.flags).toEqual({ platform: 'linux/amd64' });
    expect(instructions[3]?.flags).toEqual({ from: 'build', chown: '65532:65532' });
    expect(instructions[3]?.args).toBe('/out/app /app');
    expect(instructions[4]?.json).toEqual(['/app']);
  });

  it('expands global ARGs in FROM and stage ARGs and ENVs where Docker does', () => {
    const text = [
      'ARG TAG=12',
      'ARG PORT=80',
      'FROM debian:${TAG}',
      'ARG TAG',
      'ENV DIR=/srv APP="my app"',
      'WORKDIR $DIR/$TAG',
      'EXPOSE $PORT',
      'RUN echo $DIR',
    ].join('\n');
    expect(at(text, 3)?.args).toBe('debian:12');
    expect(at(text, 5)?.pairs).toEqual([
      { name: 'DIR', value: '/srv' },
      { name: 'APP', value: 'my app' },
    ]);
    expect(at(text, 6)?.args).toBe('/srv/12');
    // PORT was declared before FROM and not redeclared, so the stage does not see it.
    expect(at(text, 7)?.args).toBe('');
    // RUN is left to the shell.
    expect(at(text, 8)?.args).toBe('echo $DIR');
  });

  it('lets a stage built FROM another inherit its ENVs', () => {
    const text = 'FROM a:1 AS base\nENV HOME_DIR=/h\nFROM base\nWORKDIR ${HOME_DIR}\n';
    const { stages } = parseDockerfile(text);
    expect(stages[1]?.parent).toBe(0);
    expect(at(text, 4)?.args).toBe('/h');
  });

  it('reads the legacy ENV form and ARGs without defaults', () => {
    expect(at('FROM a:1\nENV PATH /usr/local/bin:/usr/bin', 2)?.pairs).toEqual([
      { name: 'PATH', value: '/usr/local/bin:/usr/bin' },
    ]);
    expect(at('FROM a:1\nARG A B=2', 2)?.pairs).toEqual([
      { name: 'A', value: '' },
      { name: 'B', value: '2' },
    ]);
  });

  it('reports unknown instructions and instructions before FROM, and goes on', () => {
    const { instructions, problems } = parseDockerfile(
      'RUN early\nFROM a:1\nFROBNICATE x\nUSER app\n',
    );
    expect(problems).toEqual([
      { line: 1, message: 'RUN before the first FROM is ignored' },
      { line: 3, message: 'unknown instruction "FROBNICATE x"' },
    ]);
    expect(instructions.map((i) => i.keyword)).toEqual(['FROM', 'USER']);
  });

  it('reports a FROM that names nothing after expansion', () => {
    const { problems } = parseDockerfile('ARG BASE\nFROM $BASE\n');
    expect(problems).toEqual([{ line: 2, message: 'FROM names no image after expansion' }]);
  });

  it('runs a malformed exec form as shell form', () => {
    expect(at('FROM a:1\nCMD ["unterminated"', 2)?.json).toBeUndefined();
    expect(at('FROM a:1\nCMD [1, 2]', 2)?.json).toBeUndefined();
  });

  it('survives hostile input: self-doubling ENVs stay bounded', () => {
    const lines = ['FROM a:1', 'ENV A=xxxxxxxxxxxxxxxx'];
    for (let i = 0; i < 40; i++) lines.push('ENV A=$A$A');
    lines.push('WORKDIR /$A');
    const workdir = at(lines.join('\n'), lines.length);
    expect(workdir?.args.length).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('parseSteps', () => {
  it('keeps history text literal and each step its origin', () => {
    const steps = parseSteps([
      { text: 'ENV PS1=$ ', origin: { historyIndex: 0 } },
      { text: '# not an instruction', origin: { historyIndex: 1 } },
      { text: 'USER app', origin: { historyIndex: 2, createdBy: 'USER app' } },
    ]);
    expect(steps.map((s) => [s.keyword, s.origin.historyIndex])).toEqual([
      ['ENV', 0],
      ['USER', 2],
    ]);
    expect(steps[0]?.pairs).toEqual([{ name: 'PS1', value: '$' }]);
  });
});
