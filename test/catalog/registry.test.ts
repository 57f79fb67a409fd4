import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { CATALOGERS, catalogersFor } from '../../src/catalog/registry.js';
import { extractFile } from './helpers/consumer.js';

describe('catalog registry', () => {
  it('gives every cataloger a unique consumer name', () => {
    const names = CATALOGERS.map((c) => c.consumer.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("leaves lockfiles out of 'image' mode and adds them in 'fs' mode", () => {
    const image = catalogersFor('image').map((c) => c.name);
    const fs = catalogersFor('fs').map((c) => c.name);
    expect(image).not.toContain('npm-lock');
    expect(image).toContain('dpkg');
    expect(fs).toEqual(expect.arrayContaining([...image, 'npm-lock', 'go-mod', 'cargo-lock']));
    expect(fs.length).toBe(CATALOGERS.length);
  });

  it('declares patterns without a leading slash and a positive size bound', () => {
    for (const { consumer } of CATALOGERS) {
      expect(consumer.patterns.length).toBeGreaterThan(0);
      expect(consumer.patterns.every((p) => !p.startsWith('/'))).toBe(true);
      expect(consumer.maxFileSize).toBeGreaterThan(0);
    }
  });
});

describe('catalog registry patterns', () => {
  const consumers = catalogersFor('fs');
  const wanting = (path: string) =>
    consumers.filter((c) => picomatch(c.patterns, { dot: true })(path)).map((c) => c.name);

  it.each([
    ['etc/os-release', ['os-release']],
    ['var/lib/dpkg/status.d/libssl3', ['dpkg']],
    ['lib/apk/db/installed', ['apk']],
    ['usr/lib/sysimage/rpm/rpmdb.sqlite', ['rpm']],
    ['var/lib/rpm/Packages', ['rpm']],
    ['srv/app/node_modules/@scope/pkg/package.json', ['npm-installed']],
    ['usr/local/lib/python3.12/site-packages/pip-24.0.dist-info/METADATA', ['python-installed']],
    ['usr/local/bundle/specifications/rails-7.1.0.gemspec', ['ruby-gemspec']],
    ['opt/app/lib/guava-32.1.2-jre.jar', ['java-archive', 'go-binary', 'rust-binary']],
    ['usr/local/bin/kubectl', ['go-binary', 'rust-binary']],
    ['var/www/vendor/composer/installed.json', ['composer-installed']],
    ['app/MyApp.deps.json', ['go-binary', 'rust-binary', 'dotnet-deps']],
    ['src/project/yarn.lock', ['npm-lock']],
    ['src/project/go.sum', ['go-mod']],
    ['src/project/Cargo.lock', ['cargo-lock']],
    ['etc/passwd', []],
  ])('%s is read by %j', (path, names) => {
    expect(wanting(path).sort()).toEqual([...names].sort());
  });
});

describe('catalog index routing', () => {
  const byName = (name: string) => CATALOGERS.find((c) => c.consumer.name === name)!.consumer;

  it("leaves npm's hidden lockfile inside node_modules to the manifests", async () => {
    const lock = JSON.stringify({
      lockfileVersion: 3,
      packages: { 'node_modules/a': { version: '1.0.0' } },
    });
    const lockConsumer = byName('npm-lock');
    expect(
      await extractFile(lockConsumer, 'app/node_modules/.package-lock.json', lock),
    ).toBeUndefined();
    expect((await extractFile(lockConsumer, 'app/package-lock.json', lock))?.packages).toHaveLength(
      1,
    );
  });

  it('routes rpm databases by file name and ignores others', async () => {
    const rpm = byName('rpm');
    const value = await extractFile(rpm, 'var/lib/rpm/Packages.db', Buffer.alloc(64));
    expect(value?.problems[0]?.message).toBe('not an rpm ndb database');
    expect(await extractFile(rpm, 'var/lib/rpm/Other', Buffer.alloc(64))).toBeUndefined();
  });
});
