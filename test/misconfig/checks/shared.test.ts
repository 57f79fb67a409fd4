import { describe, expect, it } from 'vitest';
import {
  capEvidence,
  installedPackages,
  MAX_EVIDENCE,
  runScript,
  simpleCommands,
} from '../../../src/misconfig/checks/shared.js';

describe('misconfig check helpers', () => {
  it('cuts a command line into simple commands of unquoted words', () => {
    expect(simpleCommands('a "b c" && d\'e\'f; g | h\ni\\ j')).toEqual([
      ['a', 'b c'],
      ['def'],
      ['g'],
      ['h'],
      ['i j'],
    ]);
  });

  it.each([
    ['apt-get install -y sudo', ['sudo']],
    ['/usr/bin/apt-get -qq install --no-install-recommends a b=1.2 c:amd64', ['a', 'b', 'c']],
    ['apt-get -o Dpkg::Options::=--force-confnew -t bookworm install x', ['x']],
    ['apk add --no-cache -X https://mirror/edge a', ['a']],
    ['zypper in -y b', ['b']],
    ['apt-get update', []],
    ['apt-get remove sudo', []],
    ['DEBIAN_FRONTEND=noninteractive sudo apt-get install -y sudo', ['sudo']],
    ['echo apt-get install sudo', []],
    ['constructor install x', []],
    ['', []],
  ])('installedPackages(%j)', (line, expected) => {
    expect(installedPackages(simpleCommands(line)[0] ?? [])).toEqual(expected);
  });

  it.each([
    [{ args: '/bin/sh -c apt-get update # buildkit' }, 'apt-get update # buildkit'],
    [{ args: 'make' }, 'make'],
    [{ args: '', json: ['/bin/bash', '-c', 'a && b'] }, 'a && b'],
    [{ args: '', json: ['sh', '-c', 'x'] }, 'x'],
    [{ args: '', json: ['/usr/bin/apt-get', 'install', 'sudo'] }, '/usr/bin/apt-get install sudo'],
  ])('runScript(%j)', (parts, expected) => {
    expect(runScript({ keyword: 'RUN', flags: {}, stage: 0, origin: {}, ...parts })).toBe(expected);
  });

  it('survives hostile input: a huge unterminated quote is one word', () => {
    const words = simpleCommands(`apt-get install "${'x'.repeat(1_000_000)}`);
    expect(words[0]).toHaveLength(3);
  });

  it('caps evidence and counts what it left out', () => {
    const many = Array.from({ length: MAX_EVIDENCE + 7 }, (_, i) => ({ detail: `d${i}` }));
    const capped = capEvidence(many);
    expect(capped).toHaveLength(MAX_EVIDENCE + 1);
    expect(capped[MAX_EVIDENCE]).toEqual({ detail: 'and 7 more' });
    expect(capEvidence(many.slice(0, 3))).toHaveLength(3);
  });
});
