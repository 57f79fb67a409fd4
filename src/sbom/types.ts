import type { Inventory } from '../catalog/types.js';

/**
 * The SBOM module's contracts. A renderer turns one inventory of one target into the text
 * of one format; a reader turns the bytes of a document some tool wrote back into an
 * inventory. Output MUST be deterministic: the same inventory, target and options give the
 * same bytes, so SBOMs can be diffed and signed.
 */
export const SBOM_FORMATS = ['cyclonedx', 'spdx-json', 'json', 'table'] as const;

export type SbomFormat = (typeof SBOM_FORMATS)[number];

/** What was scanned; it becomes the subject of the document. */
export interface Target {
  kind: 'image' | 'filesystem' | 'sbom';
  /** Image reference as the user gave it, directory path or SBOM file name. */
  name: string;
  /** Manifest digest (`sha256:...`) for images. */
  digest?: string;
  /** `os/arch[/variant]`, for images. */
  platform?: string;
}

export interface RenderOptions {
  /** Creation time written into the document, ISO 8601; passed in so output is reproducible. */
  timestamp: string;
  /** drydock's version, recorded as the creating tool. */
  toolVersion: string;
  /**
   * Write each OS package's installed file list. On by default so the documents carry the
   * whole inventory; turning it off makes large images' SBOMs much smaller.
   */
  includeFiles?: boolean;
  /** Table only: ANSI styling; the caller decides (a TTY and no NO_COLOR). */
  color?: boolean;
  /** drydock JSON only: how the target was read, layer by layer, and what was stepped over. */
  walk?: WalkFacts;
}

export interface LayerFacts {
  index: number;
  digest: string;
  diffId: string;
  size: number;
  createdBy?: string;
}

export interface WalkFacts {
  layers: LayerFacts[];
  diagnostics: Array<{ code: string; message: string; layer?: number; path?: string }>;
}

export interface Renderer {
  format: SbomFormat;
  render(inventory: Inventory, target: Target, options: RenderOptions): string;
}

export type SbomDocumentKind = 'cyclonedx' | 'spdx' | 'drydock-json';

export interface SbomReadResult {
  kind: SbomDocumentKind;
  /** The version the document declares, e.g. `1.6`, `SPDX-2.3`, `1`. */
  specVersion: string;
  /** The document's subject, when it names one. */
  target?: Target;
  /** Packages and distro read back; unreadable components are listed in `problems`. */
  inventory: Inventory;
}
