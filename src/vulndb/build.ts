import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { DrydockError } from '../errors.js';
import { log } from '../log.js';
import { detectParser, parserFor } from './feeds/registry.js';
import type { FeedParser } from './feeds/types.js';
import { readSourceFiles } from './source-files.js';
import { countOddVersions } from './versions.js';
import { DbWriter } from './writer.js';

/** One `--source`: a local folder, file or archive, optionally with its format named. */
export interface SourceSpec {
  name: string;
  location: string;
  /** Forces a parser; otherwise each file's format is detected from its content. */
  format?: string;
  /** When the source's data was last fetched; defaults to the build time. */
  lastSync?: string;
}

export interface SourceReport {
  name: string;
  format: string;
  records: number;
  errors: number;
  oddVersions: number;
  skippedFiles: number;
}

export interface BuildReport {
  path: string;
  builtAt: string;
  sources: SourceReport[];
}

/** Reads `FORMAT=PATH` or `PATH`; the name is the path's last segment. */
export function parseSourceArg(arg: string): SourceSpec {
  const m = /^([a-z0-9-]+)=(.+)$/.exec(arg);
  const format = m?.[1];
  const location = m?.[2] ?? arg;
  if (format && !parserFor(format)) {
    throw new DrydockError('USAGE', `unknown feed format "${format}" in --source ${arg}`);
  }

  const name = basename(location.replace(/\/+$/, '')).replace(/\.(json|ya?ml|zip|gz|csv)$/i, '');
  return { name: name || location, location, ...(format ? { format } : {}) };
}

/**
 * Builds a complete DB from the sources into a scratch file beside `dbPath`, then renames
 * it over `dbPath`. The rename is atomic on one file system, so a reader sees either the
 * old DB or the new one, and an interrupted build leaves the old one in place.
 */
export async function buildDb(
  sources: SourceSpec[],
  dbPath: string,
  now = new Date(),
): Promise<BuildReport> {
  await mkdir(dirname(dbPath), { recursive: true });
  const scratch = `${dbPath}.building-${process.pid}-${randomBytes(4).toString('hex')}`;
  const writer = new DbWriter(scratch);
  const reports: SourceReport[] = [];

  try {
    for (const spec of uniqueNames(sources)) reports.push(await loadSource(writer, spec, now));
    writer.finish(now);
  } catch (err) {
    writer.abort();
    await rm(scratch, { force: true });
    throw err;
  }

  await rename(scratch, dbPath);
  log().info({ path: dbPath, sources: reports.length }, 'vulnerability db built');
  return { path: dbPath, builtAt: now.toISOString(), sources: reports };
}

async function loadSource(writer: DbWriter, spec: SourceSpec, now: Date): Promise<SourceReport> {
  const forced = spec.format ? parserFor(spec.format) : undefined;
  const formats = new Set<string>();
  const id = writer.addSource(spec.name, spec.format ?? 'auto', spec.location);
  const report = { name: spec.name, records: 0, errors: 0, oddVersions: 0, skippedFiles: 0 };

  const single = await stat(spec.location).then(
    (s) => !s.isDirectory(),
    () => false,
  );
  for await (const item of readSourceFiles(spec.location)) {
    if ('problem' in item) {
      writer.write(id, {
        advisories: [],
        kev: [],
        epss: [],
        enrichments: [],
        problems: [item.problem],
        oddVersions: 0,
      });
      report.errors++;
      continue;
    }

    const parser = chooseParser(forced, item.path, item.text, single);
    if (!parser) {
      report.skippedFiles++;
      log().debug({ source: spec.name, path: item.path }, 'no feed parser for file');
      continue;
    }

    const result = parser.parse(item);
    formats.add(parser.format);
    for (const a of result.advisories) result.oddVersions += countOddVersions(a);
    writer.write(id, result);
    report.records += result.advisories.length + result.kev.length + result.epss.length;
    report.records += result.enrichments.length;
    report.errors += result.problems.length;
    report.oddVersions += result.oddVersions;
  }

  const format = spec.format ?? ([...formats].sort().join('+') || 'none');
  writer.endSource(id, { ...report, lastSync: spec.lastSync ?? now.toISOString() });
  writer.setSourceFormat(id, format);
  return { ...report, format };
}

/**
 * A forced format applies to every file the parser recognises, and to a source that is a
 * single file even when it does not: that is what naming the format is for.
 */
function chooseParser(
  forced: FeedParser | undefined,
  path: string,
  text: string,
  singleFile: boolean,
): FeedParser | undefined {
  const head = text.slice(0, 4096);
  if (!forced) return detectParser(path, head);
  return forced.detect({ path, head }) || singleFile ? forced : undefined;
}

function uniqueNames(sources: SourceSpec[]): SourceSpec[] {
  const seen = new Map<string, number>();
  return sources.map((s) => {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    return n === 1 ? s : { ...s, name: `${s.name}-${n}` };
  });
}
