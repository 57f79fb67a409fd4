import { describe, expect, it } from 'vitest';
import type { ImageConfig } from '../../src/image/types.js';
import { scanImageConfigForSecrets } from '../../src/secret/config.js';
import { ALNUM, Fakes } from './fakes.js';

const f = new Fakes(5);
const pat = f.token(['gh', 'p_'], ALNUM, 36);
const password = f.chars(ALNUM, 16);
const config = (run: ImageConfig['config'], history: ImageConfig['history'] = []) =>
  ({ rootfs: { type: 'layers', diff_ids: [] }, config: run, history }) as ImageConfig;

describe('scanImageConfigForSecrets', () => {
  it('finds secrets in Env, Labels, Cmd, Entrypoint and history, naming the key', () => {
    const found = scanImageConfigForSecrets(
      config(
        {
          Env: [`DB_PASSWORD=${password}`],
          Labels: { token: pat },
          Cmd: ['--verbose', `--token=${pat}`],
          Entrypoint: ['/bin/app'],
        },
        [{ created_by: `RUN |1 GH_TOKEN=${pat} /bin/sh -c ./build` }],
      ),
    );
    expect(found.map((x) => [x.ruleId, x.location])).toEqual([
      ['generic-password', { kind: 'config', field: 'Env', key: 'DB_PASSWORD' }],
      ['github-pat', { kind: 'config', field: 'Labels', key: 'token' }],
      ['github-pat', { kind: 'config', field: 'Cmd', key: '1' }],
      ['github-pat', { kind: 'config', field: 'history', key: '0' }],
    ]);
  });

  it('finds a generic build argument in the middle of a history line', () => {
    const found = scanImageConfigForSecrets(
      config({}, [{ created_by: `RUN |1 DB_PASSWORD=${password} /bin/sh -c make` }]),
    );
    expect(found.map((x) => x.ruleId)).toEqual(['generic-password']);
  });

  it('applies the allowlist by rule and by value', () => {
    const c = config({ Env: [`A=${pat}`, `DB_PASSWORD=${password}`] });
    expect(scanImageConfigForSecrets(c, { rules: ['github-pat'] })).toHaveLength(1);
    expect(scanImageConfigForSecrets(c, { values: [pat, password] })).toEqual([]);
  });

  it('reads a hostile config with fields of the wrong type without throwing', () => {
    const hostile = {
      rootfs: { type: 'layers', diff_ids: [] },
      config: { Env: [42, null, `X=${pat}`], Labels: 'nope', Cmd: { a: 1 } },
      history: [null, 'x', { created_by: 7 }, { comment: `GH=${pat}` }],
    } as unknown as ImageConfig;
    const found = scanImageConfigForSecrets(hostile);
    expect(found.map((x) => x.location)).toEqual([
      { kind: 'config', field: 'Env', key: 'X' },
      { kind: 'config', field: 'history', key: '3' },
    ]);
  });
});
