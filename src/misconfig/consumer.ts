import { parseStanzas } from '../catalog/control-fields.js';
import type { Consumer, FileContext } from '../layer/types.js';
import type { PasswdUser } from './types.js';

/**
 * Reads the few files whose bytes the misconfiguration checks need: accounts (to tell whether
 * a named USER is root), sshd and sudoers settings, and the package databases that say what
 * is installed. Each value records what it could not read, so one broken line never hides
 * the rest of the file.
 */
export type MisconfigValue =
  | { kind: 'passwd'; users: PasswdUser[]; problems: string[] }
  | { kind: 'packages'; manager: 'dpkg' | 'apk'; names: string[]; problems: string[] }
  | { kind: 'sshd'; options: Record<string, string>; problems: string[] }
  | { kind: 'sudoers'; rules: Array<{ line: number; rule: string }>; problems: string[] };

const MAX_PROBLEMS = 5;

export const misconfigConsumer: Consumer<MisconfigValue> = {
  name: 'misconfig',
  version: 1,
  patterns: [
    'etc/passwd',
    'etc/ssh/sshd_config',
    'etc/ssh/sshd_config.d/*.conf',
    'etc/sudoers',
    'etc/sudoers.d/*',
    'var/lib/dpkg/status',
    'var/lib/dpkg/status.d/*',
    'lib/apk/db/installed',
  ],
  maxFileSize: 32 * 1024 * 1024,
  extract: extractMisconfig,
};

export function extractMisconfig(bytes: Buffer, file: FileContext): MisconfigValue | undefined {
  const binary = bytes.includes(0);
  const value = parseByPath(file.entry.path, binary ? '' : bytes.toString('utf8'));
  if (binary) value?.problems.push('not a text file');
  return value;
}

function parseByPath(path: string, text: string): MisconfigValue | undefined {
  if (path === 'etc/passwd') return parsePasswd(text);
  if (path.startsWith('etc/ssh/')) return parseSshd(text);
  if (path.startsWith('etc/sudoers')) return parseSudoers(text);
  if (path === 'lib/apk/db/installed') return parseApk(text);
  if (path.startsWith('var/lib/dpkg/')) return parseDpkg(text);
  return undefined;
}

/** passwd(5): `name:password:uid:gid:gecos:home:shell`. */
function parsePasswd(text: string): MisconfigValue {
  const users: PasswdUser[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('+') || line.startsWith('-')) {
      return;
    }

    const fields = line.split(':');
    const uid = Number(fields[2]);
    const gid = Number(fields[3]);
    if (fields.length < 7 || !fields[0] || !Number.isInteger(uid) || !Number.isInteger(gid)) {
      if (problems.length < MAX_PROBLEMS) problems.push(`line ${i + 1}: not a passwd entry`);
      return;
    }
    users.push({ name: fields[0], uid, gid, shell: fields[6] ?? '' });
  });
  return { kind: 'passwd', users, problems };
}

/** sshd_config(5): the first value of a keyword wins; what follows `Match` is conditional. */
function parseSshd(text: string): MisconfigValue {
  const options: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;

    const match = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1]!.toLowerCase();
    if (key === 'match') break;
    if (!(key in options)) options[key] = match[2]!.trim();
  }
  return { kind: 'sshd', options, problems: [] };
}

/** sudoers(5): keeps the rules that let a user run commands without a password. */
function parseSudoers(text: string): MisconfigValue {
  const rules: Array<{ line: number; rule: string }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let rule = lines[i]!.trim();
    while (rule.endsWith('\\') && i + 1 < lines.length)
      rule = `${rule.slice(0, -1)} ${lines[++i]!.trim()}`;

    if (rule === '' || rule.startsWith('#') || rule.startsWith('@')) continue;
    if (/\bNOPASSWD\s*:/.test(rule))
      rules.push({ line: start + 1, rule: rule.replace(/\s+/g, ' ').slice(0, 200) });
  }
  return { kind: 'sudoers', rules, problems: [] };
}

/** dpkg's status file, or distroless status.d records (installed by construction). */
function parseDpkg(text: string): MisconfigValue {
  const { stanzas, malformed } = parseStanzas(text);
  const names: string[] = [];
  for (const stanza of stanzas) {
    const name = stanza.fields.get('package');
    const status = stanza.fields.get('status');
    // deb-control(5) Status is "want flag status"; only the last word says what is on disk.
    if (name && (status === undefined || status.split(/\s+/)[2] === 'installed')) names.push(name);
  }
  const problems = malformed.slice(0, MAX_PROBLEMS).map((m) => `malformed ${m}`);
  return { kind: 'packages', manager: 'dpkg', names, problems };
}

/** apk's installed database: one `P:name` line per package record. */
function parseApk(text: string): MisconfigValue {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('P:') && line.length > 2) names.push(line.slice(2).trim());
  }
  return { kind: 'packages', manager: 'apk', names, problems: [] };
}
