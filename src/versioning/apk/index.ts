import { COMMON_OPERATORS, type OperatorTable, satisfiesComparators } from '../comparators.js';
import { checkInput, fail, ok } from '../result.js';
import type { Parsed, RangeResult, Versioning } from '../types.js';
import { compareApkStrings, isValidApk } from './compare.js';

export { compareApkStrings, isValidApk } from './compare.js';

/**
 * An Alpine (and Wolfi, Chainguard) package version. apk-tools compares versions its
 * validator rejects (`1.0bc`, `23_foo`): the comparison stops at the first invalid token.
 * So does this module; `valid` records what the validator says.
 */
export interface ApkVersion {
  text: string;
  valid: boolean;
}

export function parseApk(input: string): Parsed<ApkVersion> {
  const bad = checkInput(input);
  if (bad !== undefined) return fail(bad);

  const text = input.trim();
  if (text === '') return fail('version string is empty');
  if (!/^[0-9]/.test(text)) return fail('version does not start with a digit');
  if (/\s/.test(text)) return fail('version string has embedded spaces');
  return ok({ text, valid: isValidApk(text) });
}

/**
 * apk-tools' dependency operators: `<`, `<=`, `=`, `>=`, `>`, the fuzzy `~` ("starts
 * with"), `<~` and `>~` (ordered, or fuzzy-equal), and `!~`, the negation of `~`.
 */
export const APK_OPERATORS: OperatorTable = {
  ...COMMON_OPERATORS,
  '~': (c) => c === 0,
  '<~': (c) => c <= 0,
  '>~': (c) => c >= 0,
  '!~': (c) => c !== 0,
};

/** apk's operator test: `a OP b`, with the fuzzy comparison for the `~` family. */
export function apkMatches(a: string, op: string, b: string): boolean | undefined {
  const test = APK_OPERATORS[op];
  if (test === undefined) return undefined;
  return test(compareApkStrings(a, b, op.includes('~')));
}

const fuzzyCompare = (a: ApkVersion, b: ApkVersion) => compareApkStrings(a.text, b.text, true);

const apkRangeScheme = {
  parse: parseApk,
  compare: (a: ApkVersion, b: ApkVersion) => compareApkStrings(a.text, b.text),
  compareFor: (op: string) => (op.includes('~') ? fuzzyCompare : undefined),
};

function satisfies(version: ApkVersion, range: string): RangeResult {
  return satisfiesComparators(apkRangeScheme, version, range, APK_OPERATORS);
}

export const apk: Versioning<ApkVersion> = {
  scheme: 'apk',
  parse: parseApk,
  isValid: (input) => typeof input === 'string' && isValidApk(input),
  compare: (a, b) => compareApkStrings(a.text, b.text),
  satisfies,
};
