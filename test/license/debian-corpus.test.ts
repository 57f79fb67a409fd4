import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Package } from '../../src/catalog/types.js';
import type { ConsumerResult } from '../../src/layer/types.js';
import { type CopyrightValue, copyrightConsumer } from '../../src/license/dpkg-copyright.js';
import { scanLicenses } from '../../src/license/scan.js';
import type { LicenseFinding } from '../../src/license/types.js';
import { debianFixture } from '../helpers/debian-fixture.js';

/**
 * Every /usr/share/doc/<package>/copyright file of a real Debian 12 root filesystem, read
 * through the copyright consumer and scored against the packages dpkg itself lists.
 */
let copyrights: ConsumerResult<CopyrightValue>[];
let findings: Map<string, LicenseFinding>;

beforeAll(async () => {
  const fixture = await debianFixture();
  const docs = join(fixture.rootfs, 'usr/share/doc');
  copyrights = [];
  for (const name of (await readdir(docs)).sort()) {
    const file = join(docs, name, 'copyright');
    if (!existsSync(file)) continue;

    const path = `usr/share/doc/${name}/copyright`;
    const entry = { path, type: 'file' as const, size: 0, mode: 0o644, uid: 0, gid: 0, mtime: 0 };
    const value = await copyrightConsumer.extract(await readFile(file), {
      entry,
      layer: { index: 0, diffId: 'sha256:00' },
    });
    if (value) copyrights.push({ path, layer: 0, value });
  }

  const packages: Package[] = fixture.truth.dpkg.map((p) => ({
    name: p.name,
    version: p.version,
    type: 'deb',
    purl: `pkg:deb/debian/${p.name}@${p.version}`,
    licenses: [],
    locations: [],
  }));
  const scanned = scanLicenses({ packages, problems: [] }, { copyrights });
  findings = new Map(scanned.map((f) => [f.package.name, f]));
}, 900_000);

const finding = (name: string) => {
  const found = findings.get(name);
  if (!found) throw new Error(`no finding for ${name}`);
  return found;
};

describe('license scan of a Debian 12 rootfs', () => {
  it('reads every copyright file without a problem and counts the formats', () => {
    const dep5 = copyrights.filter((c) => c.value.format === 'dep5').length;
    const freeForm = copyrights.length - dep5;
    const unknown = [...findings.values()].filter((f) => f.expression === 'unknown').length;

    expect(copyrights.length).toBeGreaterThan(150);
    expect(copyrights.every((c) => c.value.problem === undefined)).toBe(true);
    expect(dep5).toBeGreaterThan(120);
    expect(freeForm).toBeGreaterThan(10);
    // Packages with a name no table maps (perl-base's REGCOMP, bash's MIT-like) stay unknown.
    expect(unknown).toBeGreaterThan(0);
    expect(unknown).toBeLessThan(findings.size / 2);
    console.info(`copyright files: ${dep5} DEP-5, ${freeForm} free-form; ${unknown} unknown`);
  });

  it('gives every dpkg package a finding, with its copyright file when it has one', () => {
    expect(findings.size).toBe(new Set(findings.keys()).size);
    expect(finding('bash').locations).toEqual([{ path: 'usr/share/doc/bash/copyright', layer: 0 }]);
  });

  it.each([
    ['bash', 'GPL-3.0-or-later'],
    ['coreutils', 'GPL-3.0-or-later'],
    ['libssl3', 'Apache-2.0'],
    ['zlib1g', 'Zlib'],
    ['perl-base', 'GPL-1.0-or-later OR Artistic-1.0-Perl'],
  ])('reads %s as DEP-5 with main license %s', (name, main) => {
    const found = finding(name);

    expect(copyrights.find((c) => c.value.package === name)?.value.format).toBe('dep5');
    expect(found.main).toBe(main);
    expect(found.licenses.map((l) => l.license)).toEqual(
      expect.arrayContaining(main.split(' OR ')),
    );
  });

  it('puts bash under the GPL category', () => {
    expect(finding('bash').worst).toBe('restricted');
    expect(finding('bash').licenses).toContainEqual({
      license: 'GPL-3.0-or-later',
      spdx: true,
      category: 'restricted',
    });
  });

  it('reads the whole of simple packages as one expression', () => {
    expect(finding('zlib1g')).toMatchObject({ expression: 'Zlib', worst: 'notice' });
    expect(finding('libssl3').expression).toBe(
      'Apache-2.0 AND (Artistic-1.0-Perl OR GPL-1.0-or-later)',
    );
    expect(finding('coreutils').expression).toContain('GPL-3.0-or-later AND BSD-4-Clause-UC');
    expect(finding('coreutils').worst).toBe('restricted');
  });

  it('reads free-form libc6 from its common-licenses references', () => {
    expect(finding('libc6')).toMatchObject({
      expression: 'LGPL-2.1-or-later AND GPL-2.0-or-later',
      worst: 'restricted',
    });
    expect(copyrights.find((c) => c.value.package === 'libc6')?.value.format).toBe('free-form');
  });

  it('reads free-form python3.11 as the PSF license it pastes', () => {
    expect(finding('python3.11').licenses.map((l) => l.license)).toContain('PSF-2.0');
    expect(copyrights.find((c) => c.value.package === 'python3.11')?.value.format).toBe(
      'free-form',
    );
  });

  it('keeps names no table maps as unknown with their text', () => {
    const perl = finding('perl-base');

    expect(perl.expression).toBe('unknown');
    expect(perl.unknown.length).toBeGreaterThan(0);
    expect(perl.unknown.every((text) => text.trim() !== '')).toBe(true);
  });
});
