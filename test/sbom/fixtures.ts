import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Inventory } from '../../src/catalog/types.js';
import type { RenderOptions, Target } from '../../src/sbom/types.js';

/**
 * Shared by the sbom tests: the official schemas, read in place from the reference data,
 * and an inventory that exercises every field of the model.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const formats = path.resolve(repoRoot, '../shared/data/specs/formats');

function readJson(...parts: string[]): object {
  return JSON.parse(readFileSync(path.join(formats, ...parts), 'utf8')) as object;
}

function newAjv(): Ajv {
  // The schemas use draft-07 keywords plus formats ajv-formats does not define.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  return ajv;
}

export function cycloneDxValidator(): ValidateFunction {
  const ajv = newAjv();
  ajv.addSchema(readJson('cyclonedx', 'spdx.schema.json'));
  ajv.addSchema(readJson('cyclonedx', 'jsf-0.82.schema.json'));
  return ajv.compile(readJson('cyclonedx', 'bom-1.6.schema.json'));
}

export function spdxValidator(): ValidateFunction {
  return newAjv().compile(readJson('spdx', 'spdx-2.3-schema.json'));
}

export function spdxExample(): string {
  return readFileSync(path.join(formats, 'spdx', 'SPDXJSONExample-v2.3.spdx.json'), 'utf8');
}

export const OPTIONS: RenderOptions = { timestamp: '2024-05-01T12:00:00Z', toolVersion: '0.1.0' };

export const IMAGE: Target = {
  kind: 'image',
  name: 'docker.io/library/debian:12',
  digest: `sha256:${'ab'.repeat(32)}`,
  platform: 'linux/amd64',
};

const DIFF0 = `sha256:${'01'.repeat(32)}`;
const DIFF1 = `sha256:${'02'.repeat(32)}`;

/** Every field set somewhere; packages already in canonical order. */
export function fullInventory(): Inventory {
  return {
    distro: {
      id: 'debian',
      versionId: '12',
      codename: 'bookworm',
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
      idLike: ['linux'],
    },
    packages: [
      {
        name: 'libgcc-s1',
        version: '1:12.2.0-14',
        type: 'deb',
        purl: 'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12&epoch=1',
        source: { name: 'gcc-12', version: '12.2.0-14' },
        arch: 'amd64',
        epoch: 1,
        licenses: ['GPL-3.0-or-later', 'GPL-3.0-with-GCC-exception', 'Unknown custom text'],
        locations: [{ path: 'var/lib/dpkg/status', layer: 0, diffId: DIFF0 }],
        files: ['usr/lib/x86_64-linux-gnu/libgcc_s.so.1', 'usr/share/doc/libgcc-s1'],
      },
      {
        name: 'python3-urllib3',
        version: '1.26.12-1',
        type: 'deb',
        purl: 'pkg:deb/debian/python3-urllib3@1.26.12-1?arch=all&distro=debian-12',
        source: { name: 'python-urllib3', version: '1.26.12-1' },
        arch: 'all',
        licenses: ['MIT'],
        locations: [{ path: 'var/lib/dpkg/status', layer: 1, diffId: DIFF1 }],
        files: [],
      },
      {
        name: 'express',
        version: '4.19.2',
        type: 'npm',
        purl: 'pkg:npm/express@4.19.2',
        licenses: ['MIT OR Apache-2.0'],
        locations: [
          { path: 'app/node_modules/express/package.json', layer: 1, diffId: DIFF1 },
          { path: 'app/node_modules/x/node_modules/express/package.json', layer: 1 },
        ],
        metadata: { integrity: 'sha512-abc', resolved: 'https://example.org/express.tgz' },
      },
      {
        name: 'urllib3',
        version: '1.26.12',
        type: 'pypi',
        purl: 'pkg:pypi/urllib3@1.26.12',
        licenses: [],
        locations: [
          { path: 'usr/lib/python3/dist-packages/urllib3-1.26.12.egg-info/PKG-INFO', layer: 1 },
        ],
        ownedBy: { type: 'deb', name: 'python3-urllib3', version: '1.26.12-1' },
      },
    ],
    problems: [
      { cataloger: 'dpkg', path: 'var/lib/dpkg/status.d/broken', layer: 0, message: 'bad line' },
      { cataloger: 'npm', path: 'app/package.json', message: 'invalid json' },
    ],
  };
}
