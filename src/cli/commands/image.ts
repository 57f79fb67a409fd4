import { Command, Option } from 'commander';
import { parsePlatform } from '../../image/platform.js';
import { REPORT_FORMATS } from '../../report/index.js';
import { buildScanResult } from '../../scan/result.js';
import { scanImage } from '../../scan/scan.js';
import { scannerConsumers } from '../../scan/scanners.js';
import { addCommonOptions, addScanOptions, type ScanOptions } from '../options.js';
import { Progress } from '../progress.js';
import { finishScan, prepareScan, printDiagnostics } from '../render.js';
import { setupLogging } from '../setup.js';

interface ImageOptions extends ScanOptions {
  input?: string;
  platform: string;
  insecure: boolean;
  username?: string;
  password?: string;
  cache: boolean;
}

export function imageCommand(): Command {
  const cmd = new Command('image')
    .description('scan a container image')
    .argument(
      '[reference]',
      'image reference: REGISTRY/REPO[:TAG|@DIGEST], or a transport ' +
        'docker-archive:PATH, oci-archive:PATH[:TAG], oci:DIR[:TAG], dir:PATH',
    )
    .option(
      '-i, --input <path>',
      'read an image archive (docker-archive or OCI, detected) or layout',
    )
    .option(
      '--platform <os/arch[/variant]>',
      'platform to pick from a multi-platform image',
      'linux/amd64',
    )
    .option('--insecure', 'talk plain HTTP to the registry', false)
    .option(
      '--username <name>',
      'registry user name (env DRYDOCK_USERNAME)',
      process.env.DRYDOCK_USERNAME,
    )
    .addOption(
      new Option('--password <secret>', 'registry password (env DRYDOCK_PASSWORD)').default(
        process.env.DRYDOCK_PASSWORD,
        'from env',
      ),
    )
    .option('--no-cache', 'do not read or write the layer cache')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  drydock image docker.io/library/debian:12',
        '  drydock image --input debian.tar',
        '  drydock image oci:./layout:latest --format json -o report.json',
        '  drydock image debian:12 --severity CRITICAL,HIGH --exit-code 1',
        '  drydock image app:1.0 --policy policy.yaml --vex app.vex.json --exit-code 4',
      ].join('\n'),
    );
  addCommonOptions(cmd, [...REPORT_FORMATS], 'table');
  addScanOptions(cmd, 'vuln,secret');

  return cmd.action(async (reference: string | undefined, options: ImageOptions) => {
    setupLogging(options);
    if (!reference && !options.input) {
      cmd.error('drydock image needs a reference or --input PATH', { exitCode: 2 });
    }

    const prepared = await prepareScan('image', options);
    try {
      await scanAndReport(reference, options, prepared);
    } finally {
      prepared.db?.db.close();
    }
  });
}

async function scanAndReport(
  reference: string | undefined,
  options: ImageOptions,
  prepared: Awaited<ReturnType<typeof prepareScan>>,
): Promise<void> {
  let progress: Progress | undefined;
  const { report, walk, image } = await scanImage({
    reference,
    input: options.input,
    platform: parsePlatform(options.platform),
    insecure: options.insecure,
    username: options.username,
    password: options.password,
    cacheDir: options.cacheDir,
    useCache: options.cache,
    consumers: scannerConsumers(prepared.scanners),
    onOpened: (image) => {
      progress = new Progress(image.layers.length, options.quiet);
    },
    onEvent: (event) => progress?.onEvent(event),
  });
  progress?.finish();

  printDiagnostics(report.walk, report.target, options.quiet);
  const result = buildScanResult({
    target: report.target,
    inventory: report.inventory,
    scanners: prepared.scanners,
    db: prepared.db?.db,
    licenseConfig: prepared.licenseConfig,
    walk,
    image,
  });
  await finishScan(result, prepared, options);
}
