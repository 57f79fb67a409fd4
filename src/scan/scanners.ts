import { DrydockError } from '../errors.js';
import type { ScanResult } from '../findings/types.js';
import type { Consumer } from '../layer/types.js';
import { copyrightConsumer } from '../license/index.js';
import { misconfigConsumer } from '../misconfig/index.js';
import { secretConsumer } from '../secret/index.js';

/** The scanners a user may select with `--scanners`. */
export type ScannerName = ScanResult['scanners'][number];

export const SCANNER_NAMES: readonly ScannerName[] = ['vuln', 'secret', 'misconfig', 'license'];

export const DEFAULT_SCANNERS: Readonly<Record<'image' | 'fs' | 'sbom', ScannerName[]>> = {
  image: ['vuln', 'secret'],
  fs: ['vuln', 'secret'],
  sbom: ['vuln'],
};

/** Which scanners each target kind can run at all. */
const SUPPORTED: Readonly<Record<'image' | 'fs' | 'sbom', ReadonlySet<ScannerName>>> = {
  image: new Set(['vuln', 'secret', 'misconfig', 'license']),
  fs: new Set(['vuln', 'secret', 'license']),
  sbom: new Set(['vuln', 'license']),
};

export function parseScanners(text: string | undefined, kind: 'image' | 'fs' | 'sbom') {
  if (text === undefined) return [...DEFAULT_SCANNERS[kind]];
  const names = [...new Set(text.split(',').map((s) => s.trim().toLowerCase()))].filter(Boolean);

  for (const name of names) {
    if (!(SCANNER_NAMES as readonly string[]).includes(name)) {
      throw new DrydockError(
        'USAGE',
        `unknown scanner "${name}"; choose from ${SCANNER_NAMES.join(', ')}`,
      );
    }
    if (!SUPPORTED[kind].has(name as ScannerName)) {
      throw new DrydockError('USAGE', `the ${name} scanner does not apply to ${kind} targets`);
    }
  }
  if (names.length === 0) throw new DrydockError('USAGE', '--scanners needs at least one scanner');
  return names as ScannerName[];
}

/** The walk consumers the selected scanners add beside the catalogers: one pass over the bytes. */
export function scannerConsumers(scanners: ScannerName[]): Consumer[] {
  const out: Consumer[] = [];
  if (scanners.includes('secret')) out.push(secretConsumer());
  if (scanners.includes('misconfig')) out.push(misconfigConsumer);
  if (scanners.includes('license')) out.push(copyrightConsumer);
  return out;
}
