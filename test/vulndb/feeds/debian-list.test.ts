import { describe, expect, it } from 'vitest';
import { debianListParser } from '../../../src/vulndb/feeds/debian-list.js';

const LIST = [
  '[29 Mar 2023] DSA-5380-1 xorg-server - security update',
  '\t{CVE-2023-1393}',
  '\t[bullseye] - xorg-server 2:1.20.11-1+deb11u6',
  '\t[buster] - xorg-server <not-affected> (Vulnerable code not present)',
  '\tNOTE: a note is commentary',
  '[August 26th, 2005] DTSA-1-1 kismet - various',
  '\t{CVE-2005-2626 CVE-2005-2627 }',
  '\t[etch] - kismet 2005.08.R1-0.1etch1 (high)',
  '',
].join('\n');

describe('vulndb debian-list parser', () => {
  it('detects the list by its first header line', () => {
    expect(debianListParser.detect({ path: 'data/DSA/list', head: LIST })).toBe(true);
    expect(debianListParser.detect({ path: 'README', head: '# Debian' })).toBe(false);
  });

  it('reads fixes, statuses, aliases, dates and DTSA urgencies', () => {
    const { advisories, problems } = debianListParser.parse({ path: 'list', text: LIST });

    expect(problems).toEqual([]);
    expect(advisories.map((a) => [a.id, a.published, a.aliases])).toEqual([
      ['DSA-5380-1', '2023-03-29', ['CVE-2023-1393']],
      ['DTSA-1-1', '2005-08-26', ['CVE-2005-2626', 'CVE-2005-2627']],
    ]);
    expect(advisories[0]?.affected[1]).toEqual({
      ecosystem: 'Debian:10',
      name: 'xorg-server',
      ranges: [],
      versions: [],
      status: 'not-affected',
    });
    expect(advisories[1]?.affected[0]?.severity).toBe('high');
    expect(advisories[1]?.affected[0]?.ecosystem).toBe('Debian:4');
  });

  it('reports unreadable lines with their line number and keeps the rest', () => {
    const text = `garbage before any header\n${LIST}\t[bullseye] broken line\n`;
    const { advisories, problems } = debianListParser.parse({ path: 'list', text });

    expect(advisories).toHaveLength(2);
    expect(problems).toEqual([
      { path: 'list:1', reason: 'line outside any advisory' },
      { path: 'list:10', reason: 'unreadable line in DTSA-1-1' },
    ]);
  });
});
