import type { FeedResult } from '../model.js';

/**
 * The contract of every feed parser. A source (folder, file, archive or download) is read
 * as a list of files; each file is offered to the parsers in src/vulndb/feeds/registry.ts,
 * the first whose `detect` accepts it parses it, and files no parser wants are skipped.
 *
 * Parsers are pure: text in, normalised records and problems out. They MUST NOT throw on
 * bad input: a record that fails its schema becomes a `Problem` with the path and the
 * reason, and the rest of the file is still returned.
 *
 *   osvParser.detect({ path: 'GO-2020-0001.json', head: '{"id": "GO-2020-0001", ...' }) // true
 *   osvParser.parse({ path: 'GO-2020-0001.json', text }).advisories[0].id // 'GO-2020-0001'
 */
export interface FeedFile {
  /** Path of the file inside its source, used in problems and to guess the release. */
  path: string;
  text: string;
}

export interface FeedParser {
  /** Format name used in `FORMAT=PATH` sources and in `db status`. */
  readonly format: string;
  /** Cheap test on the path and the first few KiB of the file. */
  detect(file: { path: string; head: string }): boolean;
  parse(file: FeedFile): FeedResult;
}
