import { describe, expect, it } from 'vitest';
import {
  headerToPackage,
  parseSourceRpm,
  readHeaderBlob,
} from '../../../src/catalog/rpm/header-blob.js';
import { rpmHeader } from '../helpers/rpm-writer.js';
import { EXPECTED, PACKAGES } from './fixtures.js';

describe('rpm header blob', () => {
  it('decodes name, epoch-version-release, arch, license, source rpm and file list', () => {
    expect(headerToPackage(rpmHeader(PACKAGES[0]!))).toEqual(EXPECTED[0]);
    expect(headerToPackage(rpmHeader(PACKAGES[1]!))).toEqual(EXPECTED[1]);
  });

  it('skips gpg-pubkey pseudo-packages', () => {
    expect(headerToPackage(rpmHeader(PACKAGES[2]!))).toBeUndefined();
  });

  it('rejects a header that declares more data than the blob holds', () => {
    const blob = rpmHeader(PACKAGES[0]!);
    expect(() => readHeaderBlob(blob.subarray(0, blob.length - 10))).toThrow(/declares/);
  });

  it('rejects a huge declared tag count without allocating for it', () => {
    const blob = Buffer.alloc(8);
    blob.writeUInt32BE(0x7fffffff, 0);
    expect(() => readHeaderBlob(blob)).toThrow(/declares/);
  });

  it('rejects a string tag that runs off the data', () => {
    const blob = rpmHeader({ name: 'a', version: '1', release: '1' });
    blob[blob.length - 1] = 0x41;
    expect(() => headerToPackage(blob)).toThrow(/NUL-terminated/);
  });

  it.each([
    ['bash-5.1.8-6.el9_1.src.rpm', { name: 'bash', version: '5.1.8-6.el9_1' }],
    ['python3-dateutil-2.8.1-7.el9.src.rpm', { name: 'python3-dateutil', version: '2.8.1-7.el9' }],
    ['kernel-5.14.0-362.el9.nosrc.rpm', { name: 'kernel', version: '5.14.0-362.el9' }],
    ['(none)', undefined],
  ])('source rpm %s', (file, expected) => {
    expect(parseSourceRpm(file)).toEqual(expected);
  });
});
