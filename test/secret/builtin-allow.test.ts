import { describe, expect, it } from 'vitest';
import { builtinAllows } from '../../src/secret/builtin-allow.js';

describe('builtinAllows', () => {
  it.each([
    ['netrc-password', 'usr/share/man/man5/netrc.5.gz', true],
    ['private-key-ec', 'usr/share/go-1.19/src/crypto/tls/example_test.go', true],
    ['aws-access-key-id', 'usr/share/doc/restic/html/080_examples.html', true],
    ['generic-password', 'usr/lib/ruby/3.1.0/net/ftp.rb', true],
    ['generic-api-key', 'app/node_modules/express/lib/response.js', true],
    ['generic-password', 'app/config/settings.yml', false],
    ['generic-password', 'etc/app.conf', false],
    ['github-pat', 'usr/lib/node_modules/tool/config.js', false],
    ['private-key-openssh', 'etc/ssh/ssh_host_rsa_key', false],
    ['aws-access-key-id', 'root/.aws/credentials', false],
  ])('%s in %s is allowed: %s', (rule, path, allowed) => {
    expect(builtinAllows(rule, path)).toBe(allowed);
  });
});
