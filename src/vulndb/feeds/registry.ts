import { alpineSecdbParser } from './alpine-secdb.js';
import { debianJsonParser } from './debian-json.js';
import { debianListParser } from './debian-list.js';
import { epssParser } from './epss.js';
import { friendsOfPhpParser } from './friendsofphp.js';
import { kevParser } from './kev.js';
import { nodejsWgParser } from './nodejs-wg.js';
import { nvdParser } from './nvd.js';
import { osvParser } from './osv.js';
import { rubysecParser } from './rubysec.js';
import type { FeedParser } from './types.js';
import { ubuntuUctParser } from './ubuntu-uct.js';
import { wolfiParser } from './wolfi.js';

/**
 * Every feed parser, in detection order: the formats with the most specific markers come
 * first so a generic one (OSV) never claims another feed's file.
 */
export const FEED_PARSERS: readonly FeedParser[] = [
  kevParser,
  nvdParser,
  epssParser,
  debianListParser,
  debianJsonParser,
  ubuntuUctParser,
  alpineSecdbParser,
  wolfiParser,
  rubysecParser,
  friendsOfPhpParser,
  nodejsWgParser,
  osvParser,
];

export function parserFor(format: string): FeedParser | undefined {
  return FEED_PARSERS.find((p) => p.format === format);
}

/** The parser that recognises this file, or undefined when none does. */
export function detectParser(path: string, head: string): FeedParser | undefined {
  return FEED_PARSERS.find((p) => p.detect({ path, head }));
}
