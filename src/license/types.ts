import type { Location, PackageType } from '../catalog/types.js';

/**
 * The license scanner's result model. Categories are the ones Google's licenseclassifier
 * sorts licenses into (license_type.go), with `unknown` for text that names no license we
 * can place. The order below runs from the most to the least encumbering; `unknown` sits
 * under the copyleft categories and above the benign ones, because an unplaced license
 * must be read by a person before it can be treated as harmless.
 */
export type LicenseCategory =
  | 'forbidden'
  | 'restricted'
  | 'reciprocal'
  | 'notice'
  | 'permissive'
  | 'unencumbered'
  | 'unknown';

export const CATEGORY_ORDER: readonly LicenseCategory[] = [
  'forbidden',
  'restricted',
  'reciprocal',
  'unknown',
  'notice',
  'permissive',
  'unencumbered',
];

/**
 * One license named in a declaration. `id` is an SPDX license id or a `LicenseRef-` for a
 * well-known license with no SPDX id (public domain); it is absent when the text maps to no
 * id. `family` is the category of a name too vague for an id but clear about its kind
 * (`BSD`, `GPL` with no version).
 */
export interface LicenseLeaf {
  kind: 'license';
  text: string;
  id?: string;
  family?: LicenseCategory;
  exception?: { text: string; id?: string };
}

export interface LicenseGroup {
  kind: 'and' | 'or';
  children: LicenseNode[];
}

export type LicenseNode = LicenseLeaf | LicenseGroup;

/** One declaration as written, and what it was read as. */
export interface NormalizedLicense {
  declared: string;
  /** Absent when the declaration was empty or said nothing (`UNKNOWN`, `OSI Approved`). */
  tree?: LicenseNode;
  /** The SPDX expression, when every license in the declaration maps to an id. */
  expression?: string;
  /** Things a reader must know: an exception with no SPDX id, text that was cut. */
  notes: string[];
}

/** A license of a finding with its category; `license` is the id, or the text when none. */
export interface CategorizedLicense {
  license: string;
  spdx: boolean;
  category: LicenseCategory;
}

export interface LicenseFinding {
  package: { name: string; version: string; type: PackageType; purl: string };
  /** The declarations as the package wrote them; empty when it declares none. */
  declared: string[];
  /**
   * The SPDX expression of all declarations together, or `unknown` when any license in
   * them maps to no SPDX id (its text is then in `unknown`) or none was declared.
   */
  expression: string | 'unknown';
  /** Declared text that maps to no SPDX id, as written. */
  unknown: string[];
  licenses: CategorizedLicense[];
  /**
   * The category the package imposes: the worse side of an AND, the better side of an OR
   * (the licensee picks among alternatives); `unknown` when nothing was declared.
   */
  worst: LicenseCategory;
  /**
   * The expression of the package's own license when its metadata tells it apart from
   * the licenses of bundled parts (a DEP-5 header or `Files: *` paragraph), or `unknown`.
   */
  main?: string;
  locations: Location[];
  notes?: string[];
}
