import { compareDigits, stripLeadingZeros } from '../numeric.js';

/**
 * Maven's ComparableVersion model (maven-artifact, "Version Order Specification" in the
 * POM reference): a version is a list of items, each a number, a qualifier string, or a
 * nested list opened by `-` or by a switch between digits and letters.
 */
export type Item =
  | { t: 'int'; v: string }
  | { t: 'str'; v: string }
  | { t: 'combo'; s: string; d: string }
  | { t: 'list'; items: Item[] };

// Known qualifiers in order; the empty string is the release itself.
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

export function stringItem(value: string, followedByDigit: boolean): Item {
  let v = value;
  if (followedByDigit && v.length === 1) {
    // `a1`, `b2`, `m3` are shorthands, but only when a number follows.
    v = v === 'a' ? 'alpha' : v === 'b' ? 'beta' : v === 'm' ? 'milestone' : v;
  }
  return { t: 'str', v: ALIASES[v] ?? v };
}

/**
 * A qualifier glued to a number (`alpha2`, `abc-1`), one item since MNG-7644 so that
 * `.X1` and `-X1` compare alike: the qualifier decides first, then the number.
 */
export function comboItem(text: string): Item {
  const buf = text.replace(/-/g, '');
  const index = buf.search(/[0-9]/);
  const qualifier = stringItem(buf.slice(0, index), true) as { v: string };
  return { t: 'combo', s: qualifier.v, d: stripLeadingZeros(buf.slice(index)) };
}

export function intItem(digits: string): Item {
  return { t: 'int', v: stripLeadingZeros(digits) };
}

/** Unknown qualifiers sort after all known ones, among themselves alphabetically. */
function comparable(q: string): string {
  const i = QUALIFIERS.indexOf(q);
  return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i);
}

export function isNull(item: Item): boolean {
  if (item.t === 'int') return item.v === '0';
  if (item.t === 'str') return comparable(item.v) === RELEASE_INDEX;
  if (item.t === 'combo') return false;
  return item.items.length === 0;
}

const textOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ComparableVersion's Item.compareTo, with `undefined` standing for "no more items". */
export function compareItem(a: Item, b: Item | undefined): number {
  if (a.t === 'int') {
    if (b === undefined) return a.v === '0' ? 0 : 1;
    if (b.t === 'int') return Math.sign(compareDigits(a.v, b.v));
    return 1;
  }

  if (a.t === 'str') {
    if (b === undefined) return textOrder(comparable(a.v), RELEASE_INDEX);
    if (b.t === 'str') return textOrder(comparable(a.v), comparable(b.v));
    // A bare qualifier sorts before the same qualifier with a number (`rc` < `rc1`).
    if (b.t === 'combo') return textOrder(comparable(a.v), comparable(b.s)) || -1;
    return -1;
  }

  if (a.t === 'combo') return compareCombo(a, b);

  if (b === undefined) return a.items.length === 0 ? 0 : compareItem(a.items[0]!, undefined);
  if (b.t === 'int') return -1;
  if (b.t === 'str' || b.t === 'combo') return 1;
  return compareLists(a.items, b.items);
}

function compareCombo(a: { s: string; d: string }, b: Item | undefined): number {
  if (b === undefined) return textOrder(comparable(a.s), RELEASE_INDEX);
  if (b.t === 'int' || b.t === 'list') return -1;
  if (b.t === 'str') return textOrder(comparable(a.s), comparable(b.v)) || 1;
  return textOrder(comparable(a.s), comparable(b.s)) || Math.sign(compareDigits(a.d, b.d));
}

export function compareLists(a: Item[], b: Item[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const l = a[i];
    const r = b[i];
    const result =
      l === undefined ? (r === undefined ? 0 : -compareItem(r, undefined)) : compareItem(l, r);
    if (result !== 0) return result;
  }
  return 0;
}
