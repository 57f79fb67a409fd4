import { createRequire } from 'node:module';

/**
 * Case-insensitive lookup of the SPDX license and exception lists as the spdx-license-ids
 * and spdx-exceptions packages ship them. Matching ignores case because SPDX 2.3 Annex D.2
 * says license ids are matched case-insensitively, and packages write `mit` and `apache-2.0`.
 */
const require = createRequire(import.meta.url);

const CURRENT = require('spdx-license-ids') as string[];
const DEPRECATED = require('spdx-license-ids/deprecated.json') as string[];
const EXCEPTIONS = require('spdx-exceptions') as string[];

const LICENSE_BY_LOWER = new Map<string, string>();
for (const id of [...DEPRECATED, ...CURRENT]) LICENSE_BY_LOWER.set(id.toLowerCase(), id);

const EXCEPTION_BY_LOWER = new Map(EXCEPTIONS.map((id) => [id.toLowerCase(), id]));
const CURRENT_IDS: ReadonlySet<string> = new Set(CURRENT);

/** The GNU licenses whose bare ids the SPDX list deprecated for `-only` / `-or-later`. */
const GNU = /^(AGPL|LGPL|GPL|GFDL)-(\d\.\d)(\+|-only|-or-later)?$/;

/**
 * The SPDX id for `text`, in the current form: `GPL-2.0` becomes `GPL-2.0-only` and
 * `GPL-2.0+` becomes `GPL-2.0-or-later`, since the bare forms are deprecated (SPDX license
 * list 3.0). Undefined when the text is no SPDX id.
 */
export function spdxLicenseId(text: string): string | undefined {
  const plus = text.endsWith('+');
  const base = plus ? text.slice(0, -1) : text;
  const id = LICENSE_BY_LOWER.get(base.toLowerCase());
  if (!id) return undefined;

  return currentForm(id, plus);
}

/** `id` with a trailing `+` folded in: `-or-later` for GNU ids, SPDX's `+` operator else. */
export function currentForm(id: string, plus: boolean): string {
  const gnu = GNU.exec(id);
  if (gnu) {
    const later = plus || gnu[3] === '+' || gnu[3] === '-or-later';
    const candidate = `${gnu[1]}-${gnu[2]}-${later ? 'or-later' : 'only'}`;
    if (CURRENT_IDS.has(candidate)) return candidate;
  }

  if (!plus || id.endsWith('-or-later')) return id;
  if (id.endsWith('-only')) {
    const later = `${id.slice(0, -'-only'.length)}-or-later`;
    if (CURRENT_IDS.has(later)) return later;
  }
  return `${id}+`;
}

export function spdxExceptionId(text: string): string | undefined {
  return EXCEPTION_BY_LOWER.get(text.toLowerCase());
}

export function isSpdxLicenseId(id: string): boolean {
  return LICENSE_BY_LOWER.get(id.toLowerCase()) === id;
}
