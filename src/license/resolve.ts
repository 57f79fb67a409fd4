import parseExpression from 'spdx-expression-parse';
import {
  EXCEPTION_ALIASES,
  FAMILY_CATEGORIES,
  FAMILY_PREFIXES,
  NAME_ALIASES,
  nameKey,
} from './aliases.js';
import { spdxExceptionId, spdxLicenseId } from './spdx-ids.js';
import type { LicenseCategory, LicenseLeaf, LicenseNode } from './types.js';
import { licenseFromUrl } from './urls.js';

/**
 * Reads one license name (no operators around it) as an SPDX id, a known alias, or a
 * family; undefined when it names nothing we know. Every step is a lookup or an anchored
 * regular expression with no nested repetition, so hostile names cost linear time.
 */
export function resolveName(raw: string, depth = 0): LicenseNode | undefined {
  const text = raw.trim().replace(/^["']+|["']+$/g, '');
  if (text === '' || depth > 4) return undefined;

  const direct = spdxLicenseId(text);
  if (direct) return leaf(raw, direct);

  const structured = structuredForms(text, raw, depth);
  if (structured) return structured;

  const key = nameKey(text);
  const alias = NAME_ALIASES[key];
  if (alias) return aliasNode(raw, alias);

  const short = familyKey(key);
  const id = versionedId(short);
  if (id) return leaf(raw, id);

  const split = slashAlternatives(text, depth);
  if (split) return split;

  const family = familyOf(short.replace(/\+$/, ''), !/\s|_(?:or|and)_/i.test(text));
  return family ? { kind: 'license', text: raw, family } : undefined;
}

/**
 * A family, or a variant Debian named by adding to one (`BSD-3-clause-author`,
 * `MIT-US-export`): the variant's text differs, so it gets no id, but its kind is plain.
 */
function familyOf(key: string, oneWord: boolean): LicenseCategory | undefined {
  const exact = FAMILY_CATEGORIES[key];
  if (exact || !oneWord) return exact;

  let best: string | undefined;
  for (const family of Object.keys(FAMILY_CATEGORIES)) {
    if (key.startsWith(`${family}-`) && family.length > (best?.length ?? 0)) best = family;
  }
  return best ? FAMILY_CATEGORIES[best] : undefined;
}

/** Classifier paths, URLs, trailing abbreviations, Debian `~` variants and `with` clauses. */
function structuredForms(text: string, raw: string, depth: number): LicenseNode | undefined {
  if (/^license\s*::/i.test(text)) {
    const parts = text.split('::');
    return relabel(resolveName(parts[parts.length - 1]!, depth + 1), raw);
  }

  if (/^https?:\/\//i.test(text)) {
    const id = licenseFromUrl(text);
    return id ? leaf(raw, id) : undefined;
  }

  const abbreviated = /^(.+?)\s*\(([^()]{1,80})\)$/.exec(text);
  if (abbreviated) {
    const inner =
      resolveName(abbreviated[2]!, depth + 1) ?? resolveName(abbreviated[1]!, depth + 1);
    return relabel(inner, raw);
  }

  // DEP-5 short names take a `~suffix` to tell apart texts of one license (BSD-3-clause~Google).
  const variant = /^([^~\s]+)~\S*$/.exec(text);
  if (variant) return relabel(resolveName(variant[1]!, depth + 1), raw);

  const withClause = /^(\S.*?)[-\s]+with[-\s]+(\S.*)$/i.exec(text);
  if (withClause) return withException(raw, withClause[1]!, withClause[2]!, depth);

  const suffixed = /^(\S+?)-((?:[a-z]+-)?[a-z]+-exception)$/i.exec(text);
  if (suffixed) return withException(raw, suffixed[1]!, suffixed[2]!, depth);
  return undefined;
}

function withException(
  raw: string,
  base: string,
  exception: string,
  depth: number,
): LicenseLeaf | undefined {
  const node = resolveName(base, depth + 1);
  if (node?.kind !== 'license') return undefined;
  if (!node.id)
    return node.family ? { kind: 'license', text: raw, family: node.family } : undefined;

  return {
    ...node,
    text: raw,
    exception: { text: exception, id: exceptionId(exception, node.id) },
  };
}

/** The SPDX exception for words after `with`; GPL-3 takes the later Autoconf/GCC texts. */
export function exceptionId(text: string, licenseId: string): string | undefined {
  const direct = spdxExceptionId(text.trim());
  if (direct) return direct;

  const key = nameKey(text.replace(/\bexceptions?\b/gi, ' '));
  const three = /^[AL]?GPL-3/.test(licenseId);
  if (key === 'autoconf') return three ? 'Autoconf-exception-3.0' : 'Autoconf-exception-2.0';
  if (key === 'gcc' || key.startsWith('gcc-runtime')) {
    return three ? 'GCC-exception-3.1' : 'GCC-exception-2.0';
  }
  return EXCEPTION_ALIASES[key] ?? undefined;
}

function familyKey(key: string): string {
  let short = key;
  for (const [prefix, replacement] of FAMILY_PREFIXES) {
    if (short.startsWith(prefix)) short = replacement + short.slice(prefix.length);
  }
  return short;
}

/** `gpl-2+`, `lgpl-2.1`, `apache-2`, `mpl2.0`: a family key with a version, as an SPDX id. */
function versionedId(key: string): string | undefined {
  const joined = /^([a-z]+)(\d.*)$/.exec(key);
  const spaced = joined ? `${joined[1]}-${joined[2]}` : key;

  const gnu = /^(agpl|lgpl|gpl|gfdl)-(\d)(?:\.(\d))?(\+|-or-later|-only)?$/.exec(spaced);
  if (gnu) {
    const plus = gnu[4] === '+' || gnu[4] === '-or-later';
    return spdxLicenseId(`${gnu[1]}-${gnu[2]}.${gnu[3] ?? '0'}${plus ? '+' : ''}`);
  }

  const found = spdxLicenseId(spaced);
  if (found) return found;

  const major = /^(.+?)-(\d+)(\+?)$/.exec(spaced);
  return major ? spdxLicenseId(`${major[1]}-${major[2]}.0${major[3]}`) : undefined;
}

/** `MIT/Apache-2.0` is a choice of two when both sides are licenses (Cargo's old form). */
function slashAlternatives(text: string, depth: number): LicenseNode | undefined {
  if (!text.includes('/') || /\s/.test(text)) return undefined;

  const parts = text.split('/').map((part) => resolveName(part, depth + 1));
  if (parts.length < 2 || parts.some((part) => part?.kind !== 'license' || !part.id)) {
    return undefined;
  }
  return { kind: 'or', children: parts as LicenseNode[] };
}

function aliasNode(raw: string, expression: string): LicenseNode {
  const tree = fromSpdxAst(parseExpression(expression));
  return tree.kind === 'license' ? { ...tree, text: raw } : tree;
}

/** A single license found under another spelling keeps the spelling that was declared. */
function relabel(node: LicenseNode | undefined, raw: string): LicenseNode | undefined {
  return node?.kind === 'license' ? { ...node, text: raw } : node;
}

function leaf(text: string, id: string): LicenseLeaf {
  return { kind: 'license', text, id };
}

/** spdx-expression-parse's tree as ours, with deprecated GNU ids in their current form. */
export function fromSpdxAst(ast: parseExpression.Info): LicenseNode {
  if ('license' in ast) {
    const id = ast.license.startsWith('LicenseRef-')
      ? ast.license
      : (spdxLicenseId(`${ast.license}${ast.plus ? '+' : ''}`) ?? ast.license);
    const text = `${ast.license}${ast.plus ? '+' : ''}`;
    const node: LicenseLeaf = { kind: 'license', text, id };
    // The package's own typings predate `exception`, which version 4 returns.
    const exception = (ast as { exception?: string }).exception;
    if (exception) node.exception = { text: exception, id: exception };
    return node;
  }

  const kind = ast.conjunction === 'and' ? 'and' : 'or';
  return { kind, children: [fromSpdxAst(ast.left), fromSpdxAst(ast.right)] };
}
