import { describe, expect, it } from 'vitest';
import { BASE, CLEAN_CONFIG, findingOf } from '../helpers.js';

const STATUS = (name: string, status = 'install ok installed') =>
  `Package: ${name}\nStatus: ${status}\nVersion: 1:9.2p1-2\n\n`;

describe('DD-FS-003 SSH server', () => {
  it('flags an sshd binary and an installed openssh-server package', async () => {
    const binary = await findingOf('DD-FS-003', {
      layers: [[...BASE, { name: 'usr/sbin/sshd', content: 'elf', mode: 0o755 }]],
      config: CLEAN_CONFIG,
    });
    expect(binary?.evidence[0]).toMatchObject({ path: 'usr/sbin/sshd', layer: 0 });

    const pkg = await findingOf('DD-FS-003', {
      layers: [[...BASE, { name: 'var/lib/dpkg/status', content: STATUS('openssh-server') }]],
      config: CLEAN_CONFIG,
    });
    expect(pkg?.evidence[0]?.detail).toBe('package openssh-server is listed as installed');
  });

  it('passes a removed package (dpkg Status deinstall) and the client alone', async () => {
    const status = STATUS('openssh-server', 'deinstall ok config-files') + STATUS('openssh-client');
    const spec = {
      layers: [
        [
          ...BASE,
          { name: 'var/lib/dpkg/status', content: status },
          { name: 'usr/bin/ssh', content: 'c' },
        ],
      ],
      config: CLEAN_CONFIG,
    };
    expect(await findingOf('DD-FS-003', spec)).toBeUndefined();
  });
});

describe('DD-FS-004 SSH host keys', () => {
  it('flags private host keys and not the public halves', async () => {
    const finding = await findingOf('DD-FS-004', {
      layers: [
        [
          ...BASE,
          { name: 'etc/ssh/ssh_host_ed25519_key', content: 'k', mode: 0o600 },
          { name: 'etc/ssh/ssh_host_ed25519_key.pub', content: 'p' },
          { name: 'etc/ssh/ssh_host_rsa_key', content: 'k', mode: 0o600 },
        ],
      ],
      config: CLEAN_CONFIG,
    });
    expect(finding?.evidence.map((e) => e.path)).toEqual([
      'etc/ssh/ssh_host_ed25519_key',
      'etc/ssh/ssh_host_rsa_key',
    ]);
  });

  it('passes when a later layer deleted the keys', async () => {
    const spec = {
      layers: [
        [...BASE, { name: 'etc/ssh/ssh_host_rsa_key', content: 'k' }],
        [{ name: 'etc/ssh/.wh.ssh_host_rsa_key', content: '' }],
      ],
      config: CLEAN_CONFIG,
    };
    expect(await findingOf('DD-FS-004', spec)).toBeUndefined();
  });
});

describe('DD-FS-005 sshd settings', () => {
  it('flags root and password logins: first value wins, Match blocks ignored', async () => {
    const config = [
      '# PermitRootLogin yes',
      'PermitRootLogin yes',
      'PermitRootLogin no',
      'PasswordAuthentication=yes',
      'Match User backup',
      '  PermitEmptyPasswords yes',
    ].join('\n');
    const finding = await findingOf('DD-FS-005', {
      layers: [[...BASE, { name: 'etc/ssh/sshd_config', content: config }]],
      config: CLEAN_CONFIG,
    });
    expect(finding?.evidence.map((e) => e.detail)).toEqual([
      'etc/ssh/sshd_config sets PermitRootLogin yes',
      'etc/ssh/sshd_config sets PasswordAuthentication yes',
    ]);
  });

  it('passes hardened settings', async () => {
    const config = 'PermitRootLogin prohibit-password\nPasswordAuthentication no\n';
    const spec = {
      layers: [[...BASE, { name: 'etc/ssh/sshd_config', content: config }]],
      config: CLEAN_CONFIG,
    };
    expect(await findingOf('DD-FS-005', spec)).toBeUndefined();
  });
});
