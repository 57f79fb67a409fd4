import { describe, expect, it } from 'vitest';
import { baseEcosystem, knownEcosystems, schemeNameFor } from '../../src/versioning/registry.js';

describe('versioning registry', () => {
  const table: [string, string][] = [
    ['Debian', 'dpkg'],
    ['Debian:12', 'dpkg'],
    ['Ubuntu:Pro:18.04:LTS', 'dpkg'],
    ['Alpine:v3.18', 'apk'],
    ['Wolfi', 'apk'],
    ['Chainguard', 'apk'],
    ['Red Hat:rhel_aus:8.4::appstream', 'rpm'],
    ['AlmaLinux:9', 'rpm'],
    ['Rocky Linux:8', 'rpm'],
    ['SUSE:SUSE Linux Enterprise Server 15 SP5', 'rpm'],
    ['openSUSE:Tumbleweed', 'rpm'],
    ['Amazon Linux:2', 'rpm'],
    ['Oracle Linux', 'rpm'],
    ['npm', 'npm'],
    ['PyPI', 'pep440'],
    ['pypi', 'pep440'],
    ['Maven:https://maven.google.com', 'maven'],
    ['Go', 'go'],
    ['RubyGems', 'rubygems'],
    ['Packagist:https://packages.drupal.org/8', 'packagist'],
    ['NuGet', 'nuget'],
    ['crates.io', 'semver'],
    ['Hex', 'semver'],
    ['Pub', 'semver'],
    ['SwiftURL', 'semver'],
    ['SomethingNew', 'semver'],
    ['', 'semver'],
  ];
  it.each(table)('maps %s to %s', (ecosystem, scheme) => {
    expect(schemeNameFor(ecosystem)).toBe(scheme);
  });

  it('strips the release suffix only', () => {
    expect(baseEcosystem('Alpine:v3.18')).toBe('Alpine');
    expect(baseEcosystem('Rocky Linux')).toBe('Rocky Linux');
  });

  it('names every ecosystem the issue lists', () => {
    const required = ['Debian', 'Ubuntu', 'Alpine', 'Red Hat', 'AlmaLinux', 'Rocky Linux'];
    required.push('SUSE', 'openSUSE', 'Wolfi', 'npm', 'PyPI', 'Maven', 'Go', 'crates.io');
    required.push('RubyGems', 'Packagist', 'NuGet', 'Hex', 'Pub');
    expect(knownEcosystems()).toEqual(expect.arrayContaining(required));
  });
});
