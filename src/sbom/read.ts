import { DrydockError } from '../errors.js';
import { log } from '../log.js';
import { readCycloneDx } from './cyclonedx/read.js';
import { readInventoryJson } from './inventory-json.js';
import { readSpdx } from './spdx/read.js';
import type { SbomReadResult } from './types.js';

/**
 * `drydock sbom FILE`: detects the format from the document itself, never from the file
 * name, and reads it into an inventory. A file that is not a document drydock can read is
 * a user error; a document with some unreadable parts is read, and the parts reported in
 * `inventory.problems`.
 */
export const MAX_SBOM_BYTES = 512 * 1024 * 1024;

export function readSbom(bytes: Uint8Array, path: string): SbomReadResult {
  if (bytes.byteLength > MAX_SBOM_BYTES) {
    throw new DrydockError('SBOM_INVALID', `sbom ${path} is larger than ${MAX_SBOM_BYTES} bytes`);
  }

  const doc = parseJson(bytes, path);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new DrydockError('SBOM_INVALID', `sbom ${path} is not a json object`);
  }

  const result = dispatch(doc as Record<string, unknown>, path);
  log().debug({ path, kind: result.kind, packages: result.inventory.packages.length }, 'sbom read');
  return result;
}

function parseJson(bytes: Uint8Array, path: string): unknown {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/^\s*</.test(text)) {
    throw new DrydockError('SBOM_INVALID', `sbom ${path} is xml; only json documents are read`);
  }
  if (/^\s*SPDXVersion:/m.test(text.slice(0, 4096))) {
    throw new DrydockError('SBOM_INVALID', `sbom ${path} is spdx tag-value; only json is read`);
  }

  try {
    return JSON.parse(text);
  } catch (err) {
    throw new DrydockError('SBOM_INVALID', `sbom ${path} is not valid json`, { cause: err });
  }
}

function dispatch(doc: Record<string, unknown>, path: string): SbomReadResult {
  if (doc.bomFormat === 'CycloneDX') return readCycloneDx(doc, path);
  if (typeof doc.spdxVersion === 'string') return readSpdx(doc, path);
  if (typeof doc.schemaVersion === 'string' && isDrydock(doc.generator)) {
    return readInventoryJson(doc, path);
  }
  throw new DrydockError('SBOM_INVALID', `sbom ${path} is neither cyclonedx nor spdx json`);
}

function isDrydock(generator: unknown): boolean {
  return typeof generator === 'object' && generator !== null && 'name' in generator
    ? generator.name === 'drydock'
    : false;
}
