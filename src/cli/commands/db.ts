import { Command } from 'commander';
import { DrydockError } from '../../errors.js';
import { buildDb, defaultDbPath, openDb, parseSourceArg } from '../../vulndb/index.js';
import { pullDb, pushDb } from '../../vulndb/oci.js';
import { DEFAULT_FEEDS, type FeedLocation, updateDb } from '../../vulndb/update.js';
import { addCommonOptions, type CommonOptions } from '../options.js';

interface DbOptions extends CommonOptions {
  db?: string;
}

function dbPath(options: DbOptions): string {
  return options.db ?? defaultDbPath(options.cacheDir);
}

function print(options: DbOptions, json: unknown, text: string): void {
  process.stdout.write(
    options.format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`,
  );
}

function withDbOptions(cmd: Command): Command {
  return addCommonOptions(cmd, ['table', 'json'], 'table').option(
    '--db <file>',
    'use this DB file instead of the one in the cache dir',
  );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function buildCommand(): Command {
  return withDbOptions(new Command('build'))
    .description('build the DB from local feed folders, files or archives')
    .requiredOption('--source <[format=]path>', 'feed source, repeatable', collect, [])
    .action(async (options: DbOptions & { source: string[] }) => {
      const report = await buildDb(options.source.map(parseSourceArg), dbPath(options));
      const lines = report.sources.map(
        (s) => `${s.name}\t${s.format}\t${s.records} records\t${s.errors} errors`,
      );
      print(options, report, [`built ${report.path}`, ...lines].join('\n'));
    });
}

/** `--feed name=url[,mirror...]` replaces or adds one upstream location. */
function feedOverrides(values: string[]): FeedLocation[] {
  const feeds = new Map(DEFAULT_FEEDS.map((f) => [f.name, f]));
  for (const value of values) {
    const m = /^([a-z0-9.-]+)=(.+)$/.exec(value);
    if (!m?.[1] || !m[2])
      throw new DrydockError('USAGE', `--feed ${value} is not NAME=URL[,MIRROR...]`);
    feeds.set(m[1], { ...feeds.get(m[1]), name: m[1], urls: m[2].split(',') });
  }
  return [...feeds.values()];
}

function updateCommand(): Command {
  return withDbOptions(new Command('update'))
    .description('refresh the feeds from upstream (only changed ones are fetched) and rebuild')
    .option(
      '--feed <name=url[,mirror]>',
      'override or add a feed location, repeatable',
      collect,
      [],
    )
    .action(async (options: DbOptions & { feed: string[] }) => {
      const report = await updateDb({
        cacheDir: options.cacheDir,
        dbPath: dbPath(options),
        feeds: feedOverrides(options.feed),
      });
      const lines = report.feeds.map(
        (f) => `${f.name}\t${f.outcome}${f.error ? `\t${f.error}` : ''}`,
      );
      print(options, report, lines.join('\n'));
    });
}

function statusCommand(): Command {
  return withDbOptions(new Command('status'))
    .description('print the schema version, build time and per-source freshness')
    .action((options: DbOptions) => {
      const db = openDb(dbPath(options));
      const status = db.status();
      db.close();

      const lines = status.sources.map(
        (s) =>
          `${s.name}\t${s.format}\t${s.lastSync ?? 'never'}\t` +
          `${s.records} records\t${s.errors} errors`,
      );
      print(
        options,
        status,
        [`schema ${status.schemaVersion}, built ${status.builtAt}`, ...lines].join('\n'),
      );
    });
}

function pushCommand(): Command {
  return withDbOptions(new Command('push'))
    .description('push the DB to a registry as an OCI artifact')
    .argument('<ref>', 'registry reference, e.g. registry.example.com/drydock/db:1')
    .option('--insecure', 'use plain HTTP', false)
    .action(async (ref: string, options: DbOptions & { insecure: boolean }) => {
      const digest = await pushDb(dbPath(options), ref, { insecure: options.insecure });
      print(options, { ref, digest }, `pushed ${ref}@${digest}`);
    });
}

function pullCommand(): Command {
  return withDbOptions(new Command('pull'))
    .description('pull the DB from a registry, trying each mirror in turn')
    .argument('<ref>', 'registry reference of the DB artifact')
    .option('--mirror <ref>', 'fallback reference, repeatable', collect, [])
    .option('--insecure', 'use plain HTTP', false)
    .action(async (ref: string, options: DbOptions & { mirror: string[]; insecure: boolean }) => {
      const used = await pullDb([ref, ...options.mirror], dbPath(options), {
        insecure: options.insecure,
      });
      print(options, { ref: used, path: dbPath(options) }, `pulled ${used}`);
    });
}

export function dbCommand(): Command {
  return new Command('db')
    .description('build, update, inspect and share the vulnerability database')
    .addCommand(buildCommand())
    .addCommand(updateCommand())
    .addCommand(statusCommand())
    .addCommand(pushCommand())
    .addCommand(pullCommand());
}
