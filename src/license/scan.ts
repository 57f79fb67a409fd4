import type { Inventory, Location, Package } from '../catalog/types.js';
import type { ConsumerResult } from '../layer/types.js';
import { Classifier } from './classify.js';
import { type LicenseConfig, userCategories } from './config.js';
import type { CopyrightValue } from './dpkg-copyright.js';
import { leavesOf, normalizeLicense, renderExpression } from './normalize.js';
import type {
  CategorizedLicense,
  LicenseFinding,
  LicenseNode,
  NormalizedLicense,
} from './types.js';

export interface LicenseScanOptions {
  /** The user's categories (see config.ts), consulted before the default table. */
  config?: LicenseConfig;
  /**
   * Values of `copyrightConsumer` from the same walk. When given, a deb package's
   * declarations come from its copyright file as parsed here instead of the cataloger's
   * merged list, and the file is added to the finding's locations.
   */
  copyrights?: ConsumerResult<CopyrightValue>[];
}

/**
 * One finding per package: its declarations normalised to SPDX, each license with its
 * category, and the category the package imposes. A package that declares nothing is a
 * finding too, with `unknown`, since that is what a license review must chase.
 */
export function scanLicenses(
  inventory: Inventory,
  options: LicenseScanOptions = {},
): LicenseFinding[] {
  const classifier = new Classifier(userCategories(options.config));
  const copyrights = latestCopyrights(options.copyrights ?? []);
  const cache = new Map<string, NormalizedLicense>();
  const normalize = (text: string) => {
    const known = cache.get(text) ?? normalizeLicense(text);
    cache.set(text, known);
    return known;
  };

  const findings: LicenseFinding[] = [];
  for (const pkg of inventory.packages) {
    const copyright = pkg.type === 'deb' ? copyrights.get(pkg.name) : undefined;
    const declared = copyright ? copyright.value.declarations : pkg.licenses;
    const locations = copyright ? withCopyright(pkg.locations, copyright) : pkg.locations;
    const finding = findingFor(pkg, declared, locations, normalize, classifier);
    const main = copyright?.value.main;
    if (main) finding.main = normalize(main).expression ?? 'unknown';
    findings.push(finding);
  }
  return findings;
}

function findingFor(
  pkg: Package,
  declared: string[],
  locations: Location[],
  normalize: (text: string) => NormalizedLicense,
  classifier: Classifier,
): LicenseFinding {
  const normalized = declared.map(normalize);
  const tree = combine(
    normalized.flatMap((n) => (n.tree ? [n.tree] : [])),
    pkg.type === 'composer' ? 'or' : 'and',
  );
  const notes = [...new Set(normalized.flatMap((n) => n.notes))];
  if (!tree) notes.push('no license is declared');

  const leaves = tree ? leavesOf(tree) : [];
  const unknown = [...new Set(leaves.filter((leaf) => !leaf.id).map((leaf) => leaf.text))];
  const licenses = new Map<string, CategorizedLicense>();
  for (const leaf of leaves) {
    const license = leaf.id ?? leaf.text;
    const category = classifier.leaf(leaf);
    if (!licenses.has(license)) licenses.set(license, { license, spdx: !!leaf.id, category });
  }

  const expression = tree && unknown.length === 0 ? renderExpression(tree) : undefined;
  const finding: LicenseFinding = {
    package: { name: pkg.name, version: pkg.version, type: pkg.type, purl: pkg.purl },
    declared,
    expression: expression ?? 'unknown',
    unknown,
    licenses: [...licenses.values()],
    worst: tree ? classifier.effective(tree) : 'unknown',
    locations,
  };
  if (notes.length > 0) finding.notes = notes;
  return finding;
}

/**
 * Several declarations of one package. Most ecosystems list licenses that all apply (each
 * Debian Files paragraph covers other files), so they join with AND; Composer documents
 * an array as a choice (composer.json schema, "license"), so its list joins with OR.
 */
function combine(trees: LicenseNode[], kind: 'and' | 'or'): LicenseNode | undefined {
  const seen = new Set<string>();
  const unique = trees.filter((tree) => {
    const key = JSON.stringify(tree, ['kind', 'id', 'text', 'children', 'exception']);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  if (unique.length <= 1) return unique[0];
  return { kind, children: unique.flatMap((t) => (t.kind === kind ? t.children : [t])) };
}

/** Per package, the copyright file the squashed view shows: the last layer's, not deleted. */
function latestCopyrights(results: ConsumerResult<CopyrightValue>[]) {
  const byPackage = new Map<string, ConsumerResult<CopyrightValue>>();
  for (const result of results) {
    if (result.removedBy !== undefined || result.value.problem) continue;

    const known = byPackage.get(result.value.package);
    if (!known || result.layer >= known.layer) byPackage.set(result.value.package, result);
  }
  return byPackage;
}

function withCopyright(locations: Location[], copyright: ConsumerResult<CopyrightValue>) {
  if (locations.some((location) => location.path === copyright.path)) return locations;
  const diffId = locations.find((location) => location.layer === copyright.layer)?.diffId;
  const added: Location = { path: copyright.path, layer: copyright.layer };
  if (diffId) added.diffId = diffId;
  return [...locations, added];
}
