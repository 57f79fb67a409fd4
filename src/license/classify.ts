import { type CategoryTable, DEFAULT_CATEGORIES, lookupCategory } from './categories.js';
import {
  CATEGORY_ORDER,
  type LicenseCategory,
  type LicenseLeaf,
  type LicenseNode,
} from './types.js';

/**
 * Categories for licenses and for whole declarations. The user's table is asked first,
 * then the default one; a license with no id is looked up by its text, then by the family
 * its name showed. An exception keeps its license's category: it only ever grants more,
 * so the license alone is the safe reading.
 */
export class Classifier {
  constructor(private readonly user?: CategoryTable) {}

  leaf(leaf: LicenseLeaf): LicenseCategory {
    const name = leaf.id ?? leaf.text;
    const fromUser = this.user ? lookupCategory(this.user, name) : undefined;
    if (fromUser) return fromUser;

    if (leaf.id) return lookupCategory(DEFAULT_CATEGORIES, leaf.id) ?? 'unknown';
    return leaf.family ?? 'unknown';
  }

  /** What a tree imposes: AND takes the worse side, OR the better, since the licensee picks. */
  effective(node: LicenseNode): LicenseCategory {
    if (node.kind === 'license') return this.leaf(node);

    const categories = node.children.map((child) => this.effective(child));
    return node.kind === 'and' ? worstOf(categories) : bestOf(categories);
  }
}

export function worstOf(categories: LicenseCategory[]): LicenseCategory {
  return categories.reduce((a, b) => (rank(b) < rank(a) ? b : a), 'unencumbered');
}

export function bestOf(categories: LicenseCategory[]): LicenseCategory {
  return categories.reduce((a, b) => (rank(b) > rank(a) ? b : a), 'forbidden');
}

function rank(category: LicenseCategory): number {
  return CATEGORY_ORDER.indexOf(category);
}
