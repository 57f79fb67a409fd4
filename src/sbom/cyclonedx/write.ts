import type { Distro, Inventory, Package } from '../../catalog/types.js';
import { isoSeconds, packageRefs, sortInventory, stableUuid } from '../canonical.js';
import { distroProperties, problemProperties, targetProperties } from '../document-properties.js';
import { type CdxLicense, toCdxLicenses } from '../licenses.js';
import { type Property, packageProperties } from '../properties.js';
import type { RenderOptions, Target } from '../types.js';

/**
 * CycloneDX 1.6 JSON. Plain typed objects rather than a BOM object model: the document is
 * small, the schema test proves it valid, and building it by hand keeps key order and
 * bom-refs under our control, which determinism needs.
 */
interface CdxComponent {
  'bom-ref': string;
  type: 'library' | 'operating-system' | 'container' | 'file';
  name: string;
  version?: string;
  description?: string;
  hashes?: { alg: 'SHA-256'; content: string }[];
  licenses?: CdxLicense[];
  purl?: string;
  evidence?: { occurrences: { location: string }[] };
  properties?: Property[];
}

export const TARGET_REF = 'drydock:target';

export function renderCycloneDx(inv: Inventory, target: Target, options: RenderOptions): string {
  const inventory = sortInventory(inv);
  const refs = packageRefs(inventory.packages);
  const os = inventory.distro === undefined ? undefined : osComponent(inventory.distro);
  const files = options.includeFiles ?? true;

  const components = inventory.packages.map((pkg, i) => packageComponent(pkg, refs[i]!, files));
  const metadataProps = problemProperties(inventory.problems);
  const bom = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: '',
    version: 1,
    metadata: {
      timestamp: isoSeconds(options.timestamp),
      tools: {
        components: [{ type: 'application', name: 'drydock', version: options.toolVersion }],
      },
      component: targetComponent(target),
      ...(metadataProps.length > 0 ? { properties: metadataProps } : {}),
    },
    components: os === undefined ? components : [os, ...components],
    dependencies: dependencies(inventory.packages, refs, os?.['bom-ref']),
  };

  bom.serialNumber = `urn:uuid:${stableUuid(JSON.stringify(bom))}`;
  return `${JSON.stringify(bom, null, 2)}\n`;
}

function packageComponent(pkg: Package, ref: string, files: boolean): CdxComponent {
  const component: CdxComponent = { 'bom-ref': ref, type: 'library', name: pkg.name };
  if (pkg.version !== '') component.version = pkg.version;
  if (pkg.licenses.length > 0) component.licenses = toCdxLicenses(pkg.licenses);
  if (pkg.purl !== '') component.purl = pkg.purl;

  // CycloneDX 1.6 evidence is where other tools look for paths; layers stay in properties.
  if (pkg.locations.length > 0) {
    component.evidence = { occurrences: pkg.locations.map((loc) => ({ location: loc.path })) };
  }
  component.properties = packageProperties(pkg, { files, licenses: false });
  return component;
}

function osComponent(distro: Distro): CdxComponent {
  const ref = `os:${distro.id}${distro.versionId ? `@${distro.versionId}` : ''}`;
  const component: CdxComponent = { 'bom-ref': ref, type: 'operating-system', name: distro.id };
  if (distro.versionId) component.version = distro.versionId;
  if (distro.prettyName) component.description = distro.prettyName;

  component.properties = distroProperties(distro);
  return component;
}

function targetComponent(target: Target): CdxComponent {
  const type = target.kind === 'image' ? 'container' : 'file';
  const component: CdxComponent = { 'bom-ref': TARGET_REF, type, name: target.name };
  if (target.digest) component.version = target.digest;

  const sha = /^sha256:([0-9a-f]{64})$/.exec(target.digest ?? '');
  if (sha !== null) component.hashes = [{ alg: 'SHA-256', content: sha[1]! }];
  component.properties = targetProperties(target);
  return component;
}

/** The target contains the distro, which contains its OS packages; the target the rest. */
function dependencies(packages: readonly Package[], refs: string[], osRef: string | undefined) {
  const isOs = (pkg: Package) => pkg.type === 'deb' || pkg.type === 'rpm' || pkg.type === 'apk';
  const osRefs = refs.filter((_, i) => osRef !== undefined && isOs(packages[i]!));
  const otherRefs = refs.filter((_, i) => osRef === undefined || !isOs(packages[i]!));

  const root = {
    ref: TARGET_REF,
    dependsOn: osRef === undefined ? otherRefs : [osRef, ...otherRefs],
  };
  if (osRef === undefined) return [root];
  return [root, { ref: osRef, dependsOn: osRefs }];
}
