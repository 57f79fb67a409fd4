import { describe, expect, it } from 'vitest';
import { BASE, CLEAN_CONFIG, findingOf } from '../helpers.js';

describe('DD-FS-007 debugging and network tools', () => {
  it('flags real tools on the PATH, followed through symlinks', async () => {
    const finding = await findingOf('DD-FS-007', {
      layers: [
        [
          ...BASE,
          { name: 'usr/bin/gdb', content: 'elf', mode: 0o755 },
          { name: 'usr/bin/strace', content: 'elf', mode: 0o755 },
          { name: 'usr/bin/ncat', content: 'elf', mode: 0o755 },
          { name: 'usr/bin/nc', type: 'symlink', linkname: 'ncat' },
        ],
      ],
      config: CLEAN_CONFIG,
    });
    expect(finding?.evidence.map((e) => e.path)).toEqual([
      'usr/bin/gdb',
      'usr/bin/strace',
      'usr/bin/nc',
      'usr/bin/ncat',
    ]);
  });

  it('passes BusyBox applet links and folders named like a tool', async () => {
    const spec = {
      layers: [
        [
          ...BASE,
          { name: 'bin/busybox', content: 'elf', mode: 0o755 },
          { name: 'usr/bin/nc', type: 'symlink' as const, linkname: '/bin/busybox' },
          { name: 'usr/bin/gdb/', type: 'directory' as const },
        ],
      ],
      config: CLEAN_CONFIG,
    };
    expect(await findingOf('DD-FS-007', spec)).toBeUndefined();
  });
});

describe('DD-FS-008 download tools in a distroless-style image', () => {
  const curl = { name: 'usr/bin/curl', content: 'elf', mode: 0o755 };

  it('flags curl in an image without a shell', async () => {
    const finding = await findingOf('DD-FS-008', {
      layers: [
        [{ name: 'etc/passwd', content: 'nonroot:x:65532:65532::/home:/sbin/nologin\n' }, curl],
      ],
      config: CLEAN_CONFIG,
    });
    expect(finding?.evidence[0]).toMatchObject({ path: 'usr/bin/curl' });
  });

  it('passes curl in an image with a shell', async () => {
    expect(
      await findingOf('DD-FS-008', { layers: [[...BASE, curl]], config: CLEAN_CONFIG }),
    ).toBeUndefined();
  });
});
