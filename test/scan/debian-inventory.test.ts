import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory, Package } from '../../src/catalog/types.js';
import { scanImage } from '../../src/scan/scan.js';
import { type DebianFixture, debianFixture } from '../helpers/debian-fixture.js';

/**
 * The inventory of a real Debian 12 image must equal what the distribution's own tools
 * report inside its rootfs: every dpkg package with its exact version and source, every
 * package.json of the app's node_modules, every Python distribution, every gemspec, the
 * jars' Maven coordinates and the Go binaries' modules.
 */
let fixture: DebianFixture;
let inventory: Inventory;
let cacheDir: string;

beforeAll(async () => {
  fixture = await debianFixture();
  cacheDir = await mkdtemp(join(tmpdir(), 'drydock-debian-'));
  const { report } = await scanImage({
    reference: `oci:${fixture.layout}:${fixture.tag}`,
    cacheDir,
  });
  inventory = report.inventory;
}, 900_000);

afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const ofType = (type: Package['type']) => inventory.packages.filter((p) => p.type === type);

/** One row per (package, location): a package found in several places counts in each. */
function rows(type: Package['type'], key: (p: Package, path: string) => string): string[] {
  return ofType(type)
    .flatMap((p) => p.locations.map((l) => key(p, l.path)))
    .sort();
}

describe('inventory of a real Debian 12 image', () => {
  it('names the distribution', () => {
    expect(inventory.distro).toMatchObject({ id: 'debian', versionId: '12', codename: 'bookworm' });
  });

  it('lists exactly the packages dpkg-query reports, with versions, sources and arch', () => {
    const got = ofType('deb')
      .map((p) =>
        [p.name, p.version, p.source?.name ?? p.name, p.source?.version ?? p.version, p.arch].join(
          ' ',
        ),
      )
      .sort();
    const want = fixture.truth.dpkg
      .map((p) =>
        [p.name, p.version, p.source || p.name, p.sourceVersion || p.version, p.arch].join(' '),
      )
      .sort();
    expect(got).toEqual(want);
  });

  it('gives deb packages purls with the distro qualifier and their installed files', () => {
    const bash = ofType('deb').find((p) => p.name === 'bash')!;
    expect(bash.purl).toMatch(/^pkg:deb\/debian\/bash@[^?]+\?arch=amd64&distro=debian-12/);
    expect(bash.files).toContain('bin/bash');
    expect(bash.locations[0]).toMatchObject({ path: 'var/lib/dpkg/status', layer: 0 });
  });

  it('lists every package.json of the npm project, nested and scoped', () => {
    const got = rows('npm', (p, path) => `${p.name}@${p.version} ${path}`).filter((r) =>
      r.includes(' app/'),
    );
    const want = fixture.truth.npm.map((p) => `${p.name}@${p.version} ${p.path}`).sort();
    expect(got).toEqual(want);
    expect(got.some((r) => r.startsWith('@sindresorhus/is@'))).toBe(true);
    expect(got.some((r) => r.includes('/node_modules/express/node_modules/'))).toBe(true);
    const app = ofType('npm').filter((p) => p.locations.some((l) => l.path.startsWith('app/')));
    expect(app.every((p) => p.ownedBy === undefined)).toBe(true);
  });

  it('lists every Python distribution, owned by the Debian package that installed it', () => {
    const got = rows(
      'pypi',
      (p, path) => `${p.name} ${p.version} ${path.replace(/\/(PKG-INFO|METADATA)$/, '')}`,
    );
    const want = fixture.truth.python.map((p) => `${p.name} ${p.version} ${p.path}`).sort();
    expect(got).toEqual(want);
    const urllib3 = ofType('pypi').find((p) => p.name === 'urllib3')!;
    expect(urllib3.ownedBy).toMatchObject({ type: 'deb', name: 'python3-urllib3' });
  });

  it('lists every gemspec', () => {
    const got = rows('gem', (p, path) => `${p.name} ${p.version} ${path}`);
    const want = fixture.truth.gems.map((g) => `${g.name} ${g.version} ${g.path}`).sort();
    expect(got).toEqual(want);
    expect(ofType('gem').find((p) => p.name === 'rack')?.ownedBy?.name).toBe('ruby-rack');
  });

  it("reads the jars' Maven coordinates", () => {
    const got = rows('maven', (p, path) => `${p.metadata?.groupId}:${p.name}:${p.version} ${path}`);
    const want = fixture.truth.maven
      .map((m) => `${m.groupId}:${m.artifactId}:${m.version} ${m.path}`)
      .sort();
    expect(got).toEqual(want);
  });

  it("reads the Go binaries' modules and Go version", () => {
    const got = rows('golang', (p, path) => `${path} ${p.name} ${p.version}`);
    const want = fixture.truth.go
      .flatMap((b) => [
        `${b.path} stdlib ${b.goVersion}`,
        ...b.modules.map((m) => `${b.path} ${m.path} ${m.version}`),
      ])
      .sort();
    expect(got).toEqual(want);
    expect(got.some((r) => r.startsWith('usr/bin/restic stdlib go1.'))).toBe(true);
    expect(got).toContain('app/bin/fixture example.com/fixture (devel)');
    expect(got).toContain('app/bin/fixture example.com/greet v1.2.3');
  });

  it('records the layer every package came from', () => {
    const express = ofType('npm').find((p) => p.name === 'express')!;
    expect(express.locations[0]?.layer).toBe(1);
    expect(
      inventory.packages.every((p) => p.locations.every((l) => l.layer === 0 || l.layer === 1)),
    ).toBe(true);
  });

  it('meets no unreadable input', () => {
    expect(inventory.problems).toEqual([]);
  });
});
