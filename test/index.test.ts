import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cli.js';

/**
 * The package as users import it: `import ... from 'drydock'` resolves through the
 * `exports` map to the built files (`npm ci` builds them through `prepare`).
 */
describe('the drydock package', () => {
  it('exports the library API through its exports map', () => {
    const script =
      "import('drydock').then((m) => process.stdout.write(JSON.stringify(Object.keys(m).sort())))";
    const names = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8' }),
    );
    for (const name of [
      'openImage',
      'walkImage',
      'scanImage',
      'compareVersions',
      'satisfies',
      'openDb',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('runs as the drydock command', () => {
    const out = execFileSync(process.execPath, ['dist/cli/main.js', 'version'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(out).toMatch(/^drydock \d+\.\d+\.\d+/);
  });
});
