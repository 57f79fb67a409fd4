import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { pythonCataloger } from '../../../src/catalog/python/index.js';
import { parsePythonMetadata } from '../../../src/catalog/python/parse-metadata.js';

const METADATA = `Metadata-Version: 2.1
Name: Jinja2
Version: 3.1.2
Summary: A very fast and expressive template engine.
License: BSD-3-Clause
Classifier: Development Status :: 5 - Production/Stable
Classifier: License :: OSI Approved :: BSD License
Classifier: Programming Language :: Python
Requires-Python: >=3.7
Description-Content-Type: text/x-rst

Jinja
=====

Name: not-a-header
Version: 0.0
`;

describe('parsePythonMetadata', () => {
  it('reads name, version and licenses from the headers, not the description', () => {
    const value = parsePythonMetadata(Buffer.from(METADATA), 'x/Jinja2-3.1.2.dist-info/METADATA');
    expect(value).toEqual({
      packages: [
        {
          name: 'Jinja2',
          version: '3.1.2',
          type: 'pypi',
          licenses: ['BSD-3-Clause', 'BSD License'],
        },
      ],
      problems: [],
    });
  });

  it('prefers License-Expression and ignores pasted license texts', () => {
    const expr = 'Name: a\nVersion: 1\nLicense-Expression: MIT OR Apache-2.0\nLicense: MIT\n';
    expect(parsePythonMetadata(Buffer.from(expr), 'p').packages[0]?.licenses).toEqual([
      'MIT OR Apache-2.0',
    ]);

    const pasted =
      'Name: b\nVersion: 1\nLicense: Copyright (c) 2020\n        Permission is hereby granted\n';
    expect(parsePythonMetadata(Buffer.from(pasted), 'p').packages[0]?.licenses).toEqual([]);
  });

  it('reads a PKG-INFO as Debian ships it in egg-info folders', () => {
    const pkgInfo =
      'Metadata-Version: 2.1\nName: urllib3\nVersion: 1.26.12\nLicense: MIT\nLicense: UNKNOWN\n';
    const value = parsePythonMetadata(
      Buffer.from(pkgInfo),
      'usr/lib/python3/dist-packages/urllib3-1.26.12.egg-info/PKG-INFO',
    );
    expect(value.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['urllib3@1.26.12']);
  });

  it('reports metadata without a Version', () => {
    expect(parsePythonMetadata(Buffer.from('Name: a\n'), 'p').problems).toHaveLength(1);
    expect(parsePythonMetadata(Buffer.alloc(0), 'p').problems).toHaveLength(1);
  });
});

describe('python cataloger patterns', () => {
  const matches = picomatch(pythonCataloger.consumer.patterns, { dot: true });

  it.each([
    ['usr/lib/python3/dist-packages/urllib3-1.26.12.dist-info/METADATA', true],
    ['usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO', true],
    ['usr/lib/python3.11/lib-dynload/foo-1.0.egg-info', true],
    ['opt/eggs/x-1.0-py3.11.egg/EGG-INFO/PKG-INFO', true],
    ['usr/lib/python3/dist-packages/urllib3-1.26.12.dist-info/RECORD', false],
  ])('%s: %s', (path, wanted) => {
    expect(matches(path)).toBe(wanted);
  });
});
