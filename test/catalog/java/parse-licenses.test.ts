import { describe, expect, it } from 'vitest';
import { parseJavaArchive } from '../../../src/catalog/java/parse-archive.js';
import { bundleLicenses, pomLicenses } from '../../../src/catalog/java/parse-licenses.js';
import { buildZip } from '../helpers/zip-writer.js';

const POM_XML = `<?xml version="1.0" encoding="UTF-8"?>
<project>
  <licenses>
    <license>
      <name>The Apache Software License, Version 2.0</name>
      <url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>
    </license>
    <license><url>https://opensource.org/licenses/MIT</url></license>
    <license><name>Eclipse &amp; friends</name></license>
  </licenses>
</project>`;

describe('pomLicenses', () => {
  it('takes each license name, or its url when it has no name', () => {
    expect(pomLicenses(POM_XML)).toEqual([
      'The Apache Software License, Version 2.0',
      'https://opensource.org/licenses/MIT',
      'Eclipse & friends',
    ]);
  });

  it.each([
    ['no licenses block', '<project><name>x</name></project>'],
    ['an unclosed block', '<project><licenses><license><name>MIT'],
    ['garbage', '\u0000\u0001<licenses'],
  ])('returns nothing for %s', (_, xml) => {
    expect(pomLicenses(xml)).toEqual([]);
  });

  it('stops at a bounded number of licenses', () => {
    const many = `<licenses>${'<license><name>MIT</name></license>'.repeat(10_000)}</licenses>`;
    expect(pomLicenses(many)).toHaveLength(50);
  });
});

describe('bundleLicenses', () => {
  it.each([
    ['Apache-2.0', ['Apache-2.0']],
    [
      'https://www.apache.org/licenses/LICENSE-2.0.txt',
      ['https://www.apache.org/licenses/LICENSE-2.0.txt'],
    ],
    [
      'EPL-2.0;link="https://x/a,b", GPL-2.0-with-classpath-exception',
      ['EPL-2.0', 'GPL-2.0-with-classpath-exception'],
    ],
    ['<<EXTERNAL>>', []],
    [undefined, []],
  ])('reads %s', (header, want) => {
    expect(bundleLicenses(header)).toEqual(want);
  });
});

describe('parseJavaArchive licenses', () => {
  const properties = {
    name: 'META-INF/maven/org.example/lib/pom.properties',
    data: 'groupId=org.example\nartifactId=lib\nversion=1.0\n',
  };

  it('reads the pom.xml beside pom.properties', () => {
    const jar = buildZip([
      properties,
      { name: 'META-INF/maven/org.example/lib/pom.xml', data: POM_XML },
    ]);
    expect(parseJavaArchive(jar, 'lib.jar').packages[0]?.licenses).toHaveLength(3);
  });

  it('falls back to Bundle-License for a single-POM jar without POM licenses', () => {
    const manifest = 'Manifest-Version: 1.0\r\nBundle-License: Apache-2.0\r\n\r\n';
    const jar = buildZip([{ name: 'META-INF/MANIFEST.MF', data: manifest }, properties]);
    expect(parseJavaArchive(jar, 'lib.jar').packages[0]?.licenses).toEqual(['Apache-2.0']);
  });
});
