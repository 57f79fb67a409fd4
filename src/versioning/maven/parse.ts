import { checkInput, fail, ok } from '../result.js';
import type { Parsed } from '../types.js';
import { comboItem, type Item, intItem, isNull, stringItem } from './items.js';

/**
 * ComparableVersion.parseVersion with the MNG-7644 rules: lower-case the text; `.`
 * separates items; `-` separates and opens a sub-list; a number after letters opens a
 * sub-list, and a qualifier glued to a number is one combined item; an empty item is 0.
 * Trailing null items (0, "", "final", empty lists) are then dropped from every list,
 * innermost first.
 */
export interface MavenVersion {
  raw: string;
  items: Item[];
}

export function parseMaven(input: string): Parsed<MavenVersion> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);
  const text = input.trim().toLowerCase();
  if (text === '') return fail('version string is empty');
  if (/\s/.test(text)) return fail('version string has embedded spaces');

  return ok({ raw: input.trim(), items: buildItems(text) });
}

function buildItems(text: string): Item[] {
  const root: Item[] = [];
  const stack: Item[][] = [root];
  let list = root;
  let start = 0;
  let digit = false;
  let combo = false;

  const push = (end?: number) => {
    const part = text.slice(start, end);
    list.push(combo ? comboItem(part) : digit ? intItem(part) : stringItem(part, false));
  };
  const open = () => {
    const sub: Item[] = [];
    list.push({ t: 'list', items: sub });
    list = sub;
    stack.push(sub);
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const isDigit = c >= '0' && c <= '9';

    if (c === '.' || c === '-') {
      // `X-1` reads as `X1` (MNG-7644).
      if (c === '-' && i > start && !digit && /[0-9]/.test(text[i + 1] ?? '')) {
        combo = true;
        continue;
      }
      if (i === start) list.push(intItem('0'));
      else push(i);
      combo = false;
      start = i + 1;
      if (c === '-') open();
      continue;
    }

    if (isDigit && !digit && i > start) {
      combo = true;
      if (list.length > 0) open();
    } else if (!isDigit && digit && i > start) {
      push(i);
      start = i;
      open();
      combo = false;
    }
    digit = isDigit;
  }
  if (text.length > start) {
    // A trailing `.X` qualifier is read as `-X` (1.0.0.X1 < 1.0.0-X2, MNG-7644).
    if (!digit && list.length > 0) open();
    push();
  }

  while (stack.length > 0) normalize(stack.pop()!);
  return root;
}

function normalize(items: Item[]): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (isNull(item)) items.splice(i, 1);
    else if (item.t !== 'list') break;
  }
}
