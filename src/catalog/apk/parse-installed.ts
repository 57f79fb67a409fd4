import { type CatalogValue, decodeText, type FoundPackage } from '../cataloger.js';

/**
 * apk-tools' installed database (`lib/apk/db/installed`): one record per package, records
 * separated by a blank line, each line `X:value` with a one-letter key (apk-installed(5)).
 * F names a folder and the R lines after it name files inside it.
 */
interface ApkRecord {
  line: number;
  name?: string;
  version?: string;
  arch?: string;
  origin?: string;
  license?: string;
  files: string[];
  folder: string;
}

export function parseApkInstalled(bytes: Buffer, path: string): CatalogValue {
  const value: CatalogValue = { packages: [], problems: [] };
  const lines = decodeText(bytes).split('\n');
  let record: ApkRecord | undefined;

  const finish = () => {
    if (record) addRecord(value, record, path);
    record = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') {
      finish();
      continue;
    }

    if (line.length < 2 || line[1] !== ':') {
      value.problems.push({ path, message: `line ${i + 1} is not a "X:value" line` });
      continue;
    }
    record ??= { line: i + 1, files: [], folder: '' };
    applyLine(record, line[0]!, line.slice(2));
  }
  finish();

  return value;
}

function applyLine(record: ApkRecord, key: string, text: string): void {
  switch (key) {
    case 'P':
      record.name = text;
      break;
    case 'V':
      record.version = text;
      break;
    case 'A':
      record.arch = text;
      break;
    case 'o':
      record.origin = text;
      break;
    case 'L':
      record.license = text;
      break;
    case 'F':
      record.folder = text.replace(/^\/+|\/+$/g, '');
      break;
    case 'R':
      record.files.push(record.folder ? `${record.folder}/${text}` : text);
      break;
  }
}

function addRecord(value: CatalogValue, record: ApkRecord, path: string): void {
  if (!record.name || !record.version) {
    const message = `record at line ${record.line} lacks a package name (P) or version (V)`;
    value.problems.push({ path, message });
    return;
  }

  const pkg: FoundPackage = {
    name: record.name,
    version: record.version,
    type: 'apk',
    licenses: record.license ? [record.license] : [],
    files: record.files,
  };
  if (record.arch) pkg.arch = record.arch;
  pkg.source = { name: record.origin ?? record.name, version: record.version };
  value.packages.push(pkg);
}
