import { describe, expect, it } from 'vitest';
import { parseGemspec } from '../../../src/catalog/ruby/parse-gemspec.js';

const guard = (field: string) => `if s.respond_to? :${field}=`;
const REQUIRED = 'required_rubygems_version';

/** As `gem install` writes specifications/rack-2.2.6.3.gemspec. */
const RUBYGEMS = `# -*- encoding: utf-8 -*-
# stub: rack 2.2.6.3 ruby lib

Gem::Specification.new do |s|
  s.name = "rack".freeze
  s.version = "2.2.6.3"

  s.required_rubygems_version = Gem::Requirement.new(">= 0".freeze) ${guard(REQUIRED)}
  s.metadata = { "bug_tracker_uri" => "https://github.com/rack/rack/issues" } ${guard('metadata')}
  s.require_paths = ["lib".freeze]
  s.authors = ["Leah Neukirchen".freeze]
  s.licenses = ["MIT".freeze]
  s.summary = "A modular Ruby webserver interface".freeze

  s.add_runtime_dependency(%q<minitest>.freeze, ["~> 5.0"])
end
`;

/** As Debian's gem2deb writes specifications into rubygems-integration. */
const GEM2DEB = `Gem::Specification.new do |s|
  s.name = "rack"
  s.version = "2.2.6.4"
  s.authors = ["Leah Neukirchen"]
  s.license = "MIT"
end
`;

describe('parseGemspec', () => {
  it('reads name, version and licenses from a RubyGems-written spec', () => {
    expect(parseGemspec(Buffer.from(RUBYGEMS), 'specifications/rack-2.2.6.3.gemspec')).toEqual({
      packages: [{ name: 'rack', version: '2.2.6.3', type: 'gem', licenses: ['MIT'] }],
      problems: [],
    });
  });

  it('reads a gem2deb spec with plain strings and a single license', () => {
    const { packages } = parseGemspec(Buffer.from(GEM2DEB), 'rack.gemspec');
    expect(packages).toEqual([
      { name: 'rack', version: '2.2.6.4', type: 'gem', licenses: ['MIT'] },
    ]);
  });

  it('falls back to the stub comment and reads Gem::Version.new', () => {
    const text =
      '# stub: json 2.6.1 ruby lib\nGem::Specification.new do |s|\n' +
      '  s.version = Gem::Version.new("2.6.1")\nend\n';
    expect(parseGemspec(Buffer.from(text), 'json.gemspec').packages[0]).toMatchObject({
      name: 'json',
      version: '2.6.1',
    });
  });

  it('reports a spec that assigns no name, and stays linear on a hostile line', () => {
    expect(parseGemspec(Buffer.from('puts 1\n'), 'x.gemspec').problems).toHaveLength(1);
    const hostile = `s.licenses = [${'"a", '.repeat(50_000)}\n  s.name = "${'x'.repeat(100_000)}\n`;
    expect(parseGemspec(Buffer.from(hostile), 'x.gemspec').packages).toEqual([]);
  });
});
