import { type Cursor, first, newCursor, next, SUFFIX_NONE, Tok, tokenCompare } from './tokens.js';

/**
 * Alpine version ordering (apk-tools version.c): walk both versions token by token while
 * the kinds agree; the first differing value decides. When one side runs out or changes
 * kind, the longer one is newer unless what it has left is a pre-release suffix
 * (`_alpha`, `_beta`, `_pre`, `_rc`). With `fuzzy`, a version that starts with all of
 * the other's tokens counts as equal (the `~` operator: `3.6.9 ~ 3.6`).
 */
export function compareApkStrings(a: string, b: string, fuzzy = false): number {
  const ta = newCursor(a);
  const tb = newCursor(b);
  first(ta);
  first(tb);

  while (ta.tok === tb.tok && ta.tok < Tok.End) {
    const diff = tokenCompare(ta, tb);
    if (diff !== 0) return diff < 0 ? -1 : 1;
    next(ta);
    next(tb);
  }
  return tail(ta, tb, fuzzy);
}

function tail(ta: Cursor, tb: Cursor, fuzzy: boolean): number {
  if (ta.tok === tb.tok) return 0;
  if (tb.tok === Tok.End && fuzzy) return 0;

  if (ta.tok === Tok.Suffix && ta.suffix < SUFFIX_NONE) return -1;
  if (tb.tok === Tok.Suffix && tb.suffix < SUFFIX_NONE) return 1;
  if (ta.tok > tb.tok) return -1;
  if (tb.tok > ta.tok) return 1;
  return 0;
}

/** True when apk-tools' validator accepts the whole string. */
export function isValidApk(s: string): boolean {
  const t = newCursor(s);
  for (first(t); t.tok < Tok.End; next(t));
  return t.tok === Tok.End;
}
