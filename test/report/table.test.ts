import { describe, expect, it } from 'vitest';
import { renderTableReport } from '../../src/report/table.js';
import { emptyResult, HOSTILE, scanResult, TIMESTAMP } from './fixtures.js';

const ESC = '\u001b';
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

function render(color = false, result = scanResult()): string {
  return renderTableReport(result, { color, timestamp: TIMESTAMP });
}

describe('table report: layout', () => {
  it('starts with the target and the scanners that ran', () => {
    const [first, distro, scanners] = render().split('\n');

    expect(first).toContain('registry.example/team/app:1.2');
    expect(first).toContain('linux/amd64');
    expect(distro).toBe('distro: Debian GNU/Linux 12 (bookworm)');
    expect(scanners).toBe('scanners: misconfig, secret, vuln');
  });

  it('prints a summary line counting active findings, suppressed and unevaluated apart', () => {
    expect(render()).toContain(
      'Total: 4 (CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 0, NEGLIGIBLE: 0, UNKNOWN: 1), ' +
        'suppressed: 2, could not evaluate: 1',
    );
  });

  it('groups vulnerabilities by ecosystem, each with its own total, ordered by severity', () => {
    const text = render();
    const debian = text.slice(text.indexOf('Debian:12 (deb)'), text.indexOf('PyPI (pypi)'));

    expect(debian).toContain('Total: 2 (CRITICAL: 1, HIGH: 0, MEDIUM: 1');
    expect(debian.indexOf('CVE-2024-5535')).toBeLessThan(debian.indexOf('CVE-2023-50000'));
    expect(text.indexOf('Debian:12 (deb)')).toBeLessThan(text.indexOf('npm (npm)'));
  });

  it('shows suppressed findings as suppressed with who and why', () => {
    const line = render()
      .split('\n')
      .find((l) => l.includes('GHSA-v845-jxx5-vc9f'))!;

    expect(line).toContain('suppressed');
    expect(line).toContain('suppressed by vex: cookie header never set');
  });

  it('lists unevaluated matches under "could not evaluate"', () => {
    const text = render();

    expect(text).toContain('Could not evaluate (1)');
    expect(text).toContain('GHSA-9999-8888-7777');
  });

  it('marks known-exploited findings next to their priority', () => {
    expect(render()).toMatch(/CVE-2024-5535 .* P0 KEV /);
  });

  it('has its own sections for secrets and misconfigurations', () => {
    const text = render();

    expect(text).toContain('Secrets\nTotal: 2 (CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 0)');
    expect(text).toContain('image config Env GITHUB_TOKEN');
    expect(text).toContain('Misconfigurations\nTotal: 2');
    expect(text).toContain('  - PermitRootLogin yes (etc/ssh/sshd_config:12, layer 0)');
  });

  it('shows warnings under the header and the policy verdict at the end', () => {
    const lines = render().trimEnd().split('\n');

    expect(lines[3]).toBe('warning: the vulnerability DB is 9 days old');
    expect(lines.at(-2)).toBe('policy: failed (1 denied, 0 warned, 1 ignored)');
    expect(lines.at(-1)).toContain(
      'expired exception for CVE-2019-1 (team-a: old) since 2024-01-01',
    );
  });

  it('counts licenses by category and lists the ones to review', () => {
    const text = render();

    expect(text).toContain('Licenses\nTotal: 2 (notice: 1, unknown: 1)');
    expect(text).toMatch(/unknown +weird@not a version! +unknown/);
    expect(text).not.toMatch(/notice +openssl/);
  });

  it('says so when a scanner that ran found nothing', () => {
    const text = render(false, emptyResult());

    expect(text).toContain('no vulnerabilities found');
    expect(text).toContain('no secrets found');
    expect(text).toContain('no misconfigurations found');
  });

  it('leaves out the sections of scanners that did not run', () => {
    const text = render(false, { ...emptyResult(), scanners: ['vuln'] });

    expect(text).toContain('Vulnerabilities');
    expect(text).not.toContain('Secrets');
    expect(text).not.toContain('Misconfigurations');
  });
});

describe('table report: colour and hostile text', () => {
  it('writes no escape sequence at all without colour', () => {
    expect(render(false)).not.toContain(ESC);
  });

  it('colours severities only when asked', () => {
    const text = render(true);

    expect(text).toContain(`${ESC}[1;31mCRITICAL`);
    expect(text).toContain(`${ESC}[0m`);
  });

  it('shows control characters from the image as visible text, even with colour on', () => {
    const text = render(true);
    const stripped = text.replace(SGR, '');

    expect(stripped).not.toContain(ESC);
    expect(stripped).not.toContain('\u0007');
    expect(stripped).toContain('evil\\x1b[2J\\x1b]0;pwned\\x07name');
  });

  it('keeps columns aligned whatever the colour setting', () => {
    const plain = render(false);
    const coloured = render(true).replace(SGR, '');

    expect(coloured.split('\n').map((l) => l.trimEnd())).toEqual(plain.split('\n'));
  });

  it('prints a hostile package name as inert text', () => {
    expect(render()).toContain(`${HOSTILE.name}@1.0.0`);
  });
});

describe('table report: size', () => {
  it('lays out a very large result without overflowing the stack', () => {
    const result = scanResult();
    const template = result.vulnerabilities[0]!;
    result.vulnerabilities = Array.from({ length: 150_000 }, (_, i) => ({
      ...template,
      id: `CVE-${i}`,
    }));

    const text = renderTableReport(result, { color: false, timestamp: TIMESTAMP });
    expect(text).toContain('Total: 150000 (CRITICAL: 0, HIGH: 150000');
  });
});
