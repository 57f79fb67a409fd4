import { createRequire } from 'node:module';
import parseExpression from 'spdx-expression-parse';

/**
 * How a declared license string is written into each format. The list of known ids is the
 * SPDX license list as the spdx-license-ids package ships it, deprecated ids included
 * (`GPL-2.0` is still what many packages declare).
 */
const require = createRequire(import.meta.url);
const KNOWN_IDS: ReadonlySet<string> = new Set([
  ...(require('spdx-license-ids') as string[]),
  ...(require('spdx-license-ids/deprecated.json') as string[]),
]);

export function isKnownLicenseId(text: string): boolean {
  return KNOWN_IDS.has(text);
}

/** True for a valid SPDX license expression (ids, `LicenseRef-`, AND/OR/WITH, `+`). */
export function isLicenseExpression(text: string): boolean {
  // The parser's scanner is linear, but there is no reason to hand it megabytes.
  if (text.length === 0 || text.length > 4096) return false;
  try {
    parseExpression(text);
    return true;
  } catch {
    return false;
  }
}

export type CdxLicense =
  | { license: { id: string } }
  | { license: { name: string } }
  | { expression: string };

/**
 * CycloneDX 1.6 allows either a list of licenses or exactly one expression, not both, so an
 * expression becomes `expression` only when it is the package's only license; otherwise it
 * is kept verbatim as a name.
 */
export function toCdxLicenses(licenses: readonly string[]): CdxLicense[] {
  const only = licenses.length === 1 ? licenses[0]! : undefined;
  if (only !== undefined && !isKnownLicenseId(only) && isLicenseExpression(only)) {
    return [{ expression: only }];
  }

  return licenses.map((text) =>
    isKnownLicenseId(text) ? { license: { id: text } } : { license: { name: text } },
  );
}

export interface SpdxLicenseRef {
  licenseId: string;
  extractedText: string;
  name: string;
}

/**
 * SPDX 2.3 licenseDeclared is one expression. Each declared license that is not already an
 * expression becomes a `LicenseRef-` whose text is recorded in hasExtractedLicensingInfos
 * (SPDX 2.3 clause 10.1); several licenses are joined with AND, as all of them apply.
 */
export class SpdxLicenseRefs {
  private readonly byText = new Map<string, SpdxLicenseRef>();
  private readonly ids = new Set<string>();

  declared(licenses: readonly string[]): string {
    if (licenses.length === 0) return 'NOASSERTION';

    const parts = licenses.map((text) => (isLicenseExpression(text) ? text : this.ref(text)));
    for (const part of parts) this.declareMentionedRefs(part);
    if (parts.length === 1) return parts[0]!;
    return parts.map((p) => (/\s/.test(p) ? `(${p})` : p)).join(' AND ');
  }

  extracted(): SpdxLicenseRef[] {
    return [...this.byText.values()].sort((a, b) => (a.licenseId < b.licenseId ? -1 : 1));
  }

  private ref(text: string): string {
    const known = this.byText.get(text);
    if (known !== undefined) return known.licenseId;

    const slug = text
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64);
    let id = `LicenseRef-${slug || 'unnamed'}`;
    for (let n = 2; this.ids.has(id); n++) id = `LicenseRef-${slug || 'unnamed'}-${n}`;
    this.remember({ licenseId: id, extractedText: text, name: text.slice(0, 200) }, text);
    return id;
  }

  /** A `LicenseRef-` the package wrote itself must still be declared in the document. */
  private declareMentionedRefs(expression: string): void {
    for (const id of expression.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []) {
      if (!this.ids.has(id)) this.remember({ licenseId: id, extractedText: id, name: id }, id);
    }
  }

  private remember(ref: SpdxLicenseRef, key: string): void {
    this.ids.add(ref.licenseId);
    if (!this.byText.has(key)) this.byText.set(key, ref);
  }
}
