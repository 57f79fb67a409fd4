import { type CatalogValue, decodeText, type FoundPackage } from '../cataloger.js';

/**
 * Installed gem specifications (`specifications/*.gemspec`) as RubyGems and Debian's
 * gem2deb write them: Ruby source, never evaluated here. Only the literal assignments
 * `s.name = "rack".freeze`, `s.version = "2.2.6.3"` and `s.licenses = ["MIT".freeze]` are
 * read, with the `# stub: name version` comment RubyGems writes as a fallback.
 */
const STRING = String.raw`["']([^"'\n]{1,256})["'](?:\.freeze)?`;
const NAME = new RegExp(String.raw`^\s*\w+\.name\s*=\s*${STRING}`, 'm');
const VERSION = new RegExp(
  String.raw`^\s*\w+\.version\s*=\s*(?:Gem::Version\.new\(\s*)?${STRING}`,
  'm',
);
const LICENSES = /^\s*\w+\.licenses?\s*=\s*\[?([^\]\n]{0,1024})\]?/m;
const STUB = /^# stub: (\S+) (\S+)/m;

export function parseGemspec(bytes: Buffer, path: string): CatalogValue {
  const text = decodeText(bytes);
  const stub = STUB.exec(text);
  const name = NAME.exec(text)?.[1] ?? stub?.[1];
  const version = VERSION.exec(text)?.[1] ?? stub?.[2];
  if (!name || !version) {
    return { packages: [], problems: [{ path, message: 'gemspec assigns no name or version' }] };
  }

  const pkg: FoundPackage = { name, version, type: 'gem', licenses: licensesOf(text) };
  return { packages: [pkg], problems: [] };
}

function licensesOf(text: string): string[] {
  const list = LICENSES.exec(text)?.[1];
  if (!list) return [];
  return [...list.matchAll(/["']([^"']+)["']/g)].map((match) => match[1]!);
}
