import { describe, expect, it } from 'vitest';
import { parseModInfo } from '../../../src/catalog/go/mod-info.js';

describe('parseModInfo', () => {
  it('keeps the module a local directory replaced, noting the directory', () => {
    const text = [
      'mod\texample.com/app\t(devel)\t',
      'dep\texample.com/greet\tv1.2.3',
      '=>\t./greet\t(devel)\t',
      'dep\texample.com/other\tv0.1.0',
      '=>\t../other\t\t',
    ].join('\n');
    expect(parseModInfo(text)).toEqual([
      { path: 'example.com/app', version: '(devel)', main: true, metadata: {} },
      {
        path: 'example.com/greet',
        version: 'v1.2.3',
        main: false,
        metadata: { replacedBy: './greet' },
      },
      {
        path: 'example.com/other',
        version: 'v0.1.0',
        main: false,
        metadata: { replacedBy: '../other' },
      },
    ]);
  });
});
