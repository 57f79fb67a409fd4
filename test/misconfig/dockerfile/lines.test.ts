import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../src/misconfig/dockerfile/lines.js';

const texts = (text: string) => splitLines(text).lines.map((l) => [l.line, l.text]);

describe('splitLines', () => {
  it('drops comments and blank lines and numbers instructions by their first line', () => {
    expect(texts('# comment\n\nFROM a:1\n  # indented comment\nRUN x\n')).toEqual([
      [3, 'FROM a:1'],
      [5, 'RUN x'],
    ]);
  });

  it('joins continuations, skipping comment and empty lines inside them', () => {
    const text =
      'RUN apt-get update \\\n# a comment\n\n    && apt-get install -y curl \\  \n    && true\n';
    expect(texts(text)).toEqual([[1, 'RUN apt-get update && apt-get install -y curl && true']]);
  });

  it('honours the escape directive only at the top', () => {
    const text = '# escape=`\nFROM a:1\nRUN dir `\n  c:\\\\\n';
    expect(splitLines(text).escapeChar).toBe('`');
    expect(texts(text)).toEqual([
      [2, 'FROM a:1'],
      [3, 'RUN dir c:\\\\'],
    ]);
    expect(splitLines('FROM a:1\n# escape=`\n').escapeChar).toBe('\\');
  });

  it('attaches here-document bodies, with <<- stripping leading tabs', () => {
    const text = 'RUN <<EOF\napt-get update\nEOF\nCOPY <<-"END" /x\n\tline\n\tEND\nRUN echo\n';
    const { lines } = splitLines(text);
    expect(lines.map((l) => [l.line, l.text, l.heredocs])).toEqual([
      [1, 'RUN <<EOF', ['apt-get update']],
      [4, 'COPY <<-"END" /x', ['line']],
      [7, 'RUN echo', []],
    ]);
  });

  it('treats << as text in instructions that take no here-document', () => {
    expect(texts('LABEL a="<<EOF"\nRUN x\n')).toEqual([
      [1, 'LABEL a="<<EOF"'],
      [2, 'RUN x'],
    ]);
  });

  it('survives hostile input: long runs of blanks in directives and continuations', () => {
    const blanks = ' '.repeat(200_000);
    expect(splitLines(`# escape=${blanks}x\nFROM a:1\n`).escapeChar).toBe('\\');
    expect(texts(`FROM a:1\nRUN a${blanks}b \\\n c\n`)[1]?.[1]).toBe(`RUN a${blanks}b c`);
  });

  it('survives hostile input: an unterminated here-document and a trailing escape', () => {
    expect(splitLines('RUN <<EOF\nnever ends\n').lines).toHaveLength(1);
    expect(texts('RUN a \\')).toEqual([[1, 'RUN a']]);
    expect(texts('\uFEFFFROM a:1\r\nRUN b\r\n')).toEqual([
      [1, 'FROM a:1'],
      [2, 'RUN b'],
    ]);
  });
});
