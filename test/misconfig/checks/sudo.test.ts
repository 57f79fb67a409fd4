import { describe, expect, it } from 'vitest';
import { checkDockerfile } from '../../../src/misconfig/index.js';
import { BASE, CLEAN_CONFIG, findingOf } from '../helpers.js';

const sudoLines = (text: string) =>
  checkDockerfile(`FROM debian:12\n${text}\nUSER app\nHEALTHCHECK CMD true\n`)
    .findings.find((f) => f.id === 'DD-IMG-007')
    ?.evidence.map((e) => e.line);

describe('DD-IMG-007 sudo', () => {
  it.each([
    ['RUN apt-get update && apt-get install -y --no-install-recommends sudo curl', [2]],
    ['RUN apt-get -o Dpkg::Options::=--force-confold install -y sudo=1.9.13p3-1', [2]],
    ['RUN apk add --no-cache sudo', [2]],
    ['RUN /bin/sh -c apt-get install -y sudo # buildkit', [2]],
    ['RUN dnf -y install sudo && dnf clean all', [2]],
    ['RUN ["/bin/sh", "-c", "apt-get install -y sudo"]', [2]],
    ['RUN <<EOF\napt-get update\napt-get install -y sudo\nEOF', [2]],
    ['RUN apt-get install -y \\\n    curl \\\n    sudo', [2]],
  ])('flags %j', (line, expected) => {
    expect(sudoLines(line)).toEqual(expected);
  });

  it.each([
    'RUN apt-get install -y sudoku',
    'RUN echo "apt-get install sudo" > /notes',
    'RUN apt-get remove -y sudo',
    'RUN sudo-less-build.sh',
  ])('passes %j', (line) => {
    expect(sudoLines(line)).toBeUndefined();
  });

  it('passes sudo installed only in a build stage the final image does not use', () => {
    const text = 'FROM debian:12 AS tools\nRUN apt-get install -y sudo\nFROM debian:12\n';
    const found = checkDockerfile(text).findings.find((f) => f.id === 'DD-IMG-007');
    expect(found).toBeUndefined();
  });

  it('flags an image with usr/bin/sudo, with the history step that installed it', async () => {
    const finding = await findingOf('DD-IMG-007', {
      layers: [BASE, [{ name: 'usr/bin/sudo', content: 'elf', mode: 0o4755 }]],
      config: CLEAN_CONFIG,
      history: [
        { created_by: '/bin/sh -c #(nop) ADD file:1 in /' },
        { created_by: '/bin/sh -c apt-get install -y sudo' },
      ],
    });
    expect(finding?.evidence).toEqual([
      expect.objectContaining({ historyIndex: 1, detail: 'a RUN step installs the sudo package' }),
      expect.objectContaining({ path: 'usr/bin/sudo', layer: 1, historyIndex: 1 }),
    ]);
  });

  it('passes an image without sudo', async () => {
    expect(await findingOf('DD-IMG-007', { layers: [BASE], config: CLEAN_CONFIG })).toBeUndefined();
  });
});

describe('DD-FS-009 passwordless sudo', () => {
  it('flags NOPASSWD rules in sudoers and sudoers.d, not comments or password rules', async () => {
    const finding = await findingOf('DD-FS-009', {
      layers: [
        [
          ...BASE,
          {
            name: 'etc/sudoers',
            content: '# app ALL=(ALL) NOPASSWD: ALL\n%sudo ALL=(ALL:ALL) ALL\n',
          },
          {
            name: 'etc/sudoers.d/app',
            content: 'Defaults env_reset\napp ALL=(ALL) \\\n  NOPASSWD: ALL\n',
          },
        ],
      ],
      config: CLEAN_CONFIG,
    });
    expect(finding?.evidence.map((e) => e.detail)).toEqual([
      'etc/sudoers.d/app line 2: app ALL=(ALL) NOPASSWD: ALL',
    ]);
  });
});
