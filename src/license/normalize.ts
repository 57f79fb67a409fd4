import parseExpression from 'spdx-expression-parse';
import { parseLoose } from './loose-parse.js';
import { fromSpdxAst, resolveName } from './resolve.js';
import type { LicenseLeaf, LicenseNode, NormalizedLicense } from './types.js';

/**
 * Turns one declared license string into a tree of licenses and, when every license in it
 * has an id, an SPDX expression. Tried in order: a valid SPDX expression as it stands, one
 * known name, then the loose reader for prose-like declarations.
 */
export const MAX_NAME_LENGTH = 1024;

/** Values that say nothing about the license: Python's default, SPDX's "not stated". */
const SAYS_NOTHING = new Set(['unknown', 'noassertion', 'osi approved', 'n/a']);

export function normalizeLicense(declared: string): NormalizedLicense {
  const text = declared.trim();
  if (text === '' || SAYS_NOTHING.has(text.toLowerCase())) return { declared, notes: [] };

  if (text.length > MAX_NAME_LENGTH) {
    const clipped = `${text.slice(0, 200)}…`;
    const note = `declaration is ${text.length} characters long, so license text, not a name`;
    return { declared, tree: { kind: 'license', text: clipped }, notes: [note] };
  }

  const special = specialForm(text);
  if (special) return { declared, tree: special.tree, notes: [special.note] };

  const tree = strictSpdx(text) ?? resolveName(text) ?? parseLoose(text);
  const notes = exceptionNotes(tree);
  const expression = renderExpression(tree);
  return expression ? { declared, tree, expression, notes } : { declared, tree, notes };
}

/** npm's `SEE LICENSE IN <file>` and `UNLICENSED` (npm docs, package.json "license"). */
function specialForm(text: string): { tree: LicenseLeaf; note: string } | undefined {
  const see = /^see licen[cs]e in (.+)$/i.exec(text);
  if (see) {
    const note = `the license is in ${see[1]!.trim()} inside the package; it was not read`;
    return { tree: { kind: 'license', text }, note };
  }

  if (/^unlicensed$/i.test(text)) {
    return { tree: { kind: 'license', text }, note: 'UNLICENSED: the package grants no license' };
  }
  return undefined;
}

function strictSpdx(text: string): LicenseNode | undefined {
  try {
    return flatten(fromSpdxAst(parseExpression(text)));
  } catch {
    return undefined;
  }
}

function flatten(node: LicenseNode): LicenseNode {
  if (node.kind === 'license') return node;

  const children = node.children
    .map(flatten)
    .flatMap((child) => (child.kind === node.kind ? child.children : [child]));
  return { kind: node.kind, children };
}

/**
 * SPDX text for the tree: AND binds tighter than OR (SPDX 2.3 Annex D.4), so only an OR
 * inside an AND needs parentheses. An exception with no SPDX id is left out and noted: the
 * license without its exception grants less, never more. The result is checked with the
 * SPDX parser, so what is returned is always a valid expression.
 */
export function renderExpression(tree: LicenseNode): string | undefined {
  const text = render(tree, undefined);
  if (text === undefined) return undefined;

  try {
    parseExpression(text);
    return text;
  } catch {
    return undefined;
  }
}

function render(node: LicenseNode, parent: 'and' | 'or' | undefined): string | undefined {
  if (node.kind === 'license') {
    if (!node.id) return undefined;
    return node.exception?.id ? `${node.id} WITH ${node.exception.id}` : node.id;
  }

  const parts: string[] = [];
  for (const child of node.children) {
    const part = render(child, node.kind);
    if (part === undefined) return undefined;
    if (!parts.includes(part)) parts.push(part);
  }

  const joined = parts.join(node.kind === 'and' ? ' AND ' : ' OR ');
  const wrap = parent === 'and' && node.kind === 'or' && parts.length > 1;
  return wrap ? `(${joined})` : joined;
}

export function leavesOf(node: LicenseNode): LicenseLeaf[] {
  return node.kind === 'license' ? [node] : node.children.flatMap(leavesOf);
}

function exceptionNotes(tree: LicenseNode): string[] {
  return leavesOf(tree)
    .filter((leaf) => leaf.id && leaf.exception && !leaf.exception.id)
    .map((leaf) => `exception "${leaf.exception!.text}" has no SPDX id; ${leaf.id} is kept`);
}
