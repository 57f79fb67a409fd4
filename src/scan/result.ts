import type { Inventory } from '../catalog/types.js';
import type { ScanResult } from '../findings/types.js';
import type { OpenedImage } from '../image/types.js';
import type { WalkResult } from '../layer/walk-result.js';
import {
  COPYRIGHT_CONSUMER,
  type CopyrightValue,
  type LicenseConfig,
  scanLicenses,
} from '../license/index.js';
import { type AdvisorySource, type LayerInfo, matchInventory } from '../match/index.js';
import { checkImage } from '../misconfig/index.js';
import { RESULT_SCHEMA_VERSION } from '../report/index.js';
import { collectSecretFindings } from '../secret/index.js';
import { VERSION } from '../version.js';
import type { ScannerName } from './scanners.js';
import type { ScanTarget } from './target.js';

export interface ResultInput {
  target: ScanTarget;
  inventory: Inventory;
  scanners: ScannerName[];
  /** Needed by the vuln scanner. */
  db?: AdvisorySource;
  walk?: WalkResult;
  image?: Pick<OpenedImage, 'config'>;
  /** The user's license categories (`--license-config`). */
  licenseConfig?: LicenseConfig;
  now?: Date;
}

/**
 * Runs the scanners that work on a finished walk and inventory, and assembles the one
 * result every report renders. Scanners not selected leave their lists empty, and
 * `scanners` says which ran, so "none found" and "not looked for" stay distinct.
 */
export function buildScanResult(input: ResultInput): ScanResult {
  const result: ScanResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    generator: { name: 'drydock', version: VERSION },
    createdAt: (input.now ?? new Date()).toISOString(),
    target: input.target,
    inventory: input.inventory,
    vulnerabilities: [],
    unevaluated: [],
    secrets: [],
    misconfigurations: [],
    scanners: [...input.scanners],
  };
  const warnings: string[] = [];

  if (input.scanners.includes('vuln') && input.db) {
    const layers: LayerInfo[] = input.walk?.layers ?? [];
    const matched = matchInventory(input.inventory, input.db, { layers });
    result.vulnerabilities = matched.vulnerabilities;
    result.unevaluated = matched.unevaluated;
    warnings.push(...matched.warnings);
  }
  if (input.scanners.includes('secret') && input.walk) {
    result.secrets = collectSecretFindings(input.walk, input.image);
  }
  if (input.scanners.includes('misconfig') && input.walk && input.image) {
    const checked = checkImage({ config: input.image.config, walk: input.walk });
    result.misconfigurations = checked.findings;
    warnings.push(...checked.problems.map((p) => `misconfig: ${p.path ?? ''} ${p.message}`.trim()));
  }

  if (input.scanners.includes('license')) {
    const copyrights = input.walk?.results<CopyrightValue>(COPYRIGHT_CONSUMER);
    result.licenses = scanLicenses(input.inventory, { copyrights, config: input.licenseConfig });
  }

  if (warnings.length > 0) result.warnings = warnings;
  return result;
}
