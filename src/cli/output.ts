import { writeFile } from 'node:fs/promises';
import { DrydockError } from '../errors.js';

/** Writes a rendered report to `--output FILE` or standard output. */
export async function emit(text: string, output: string | undefined): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (!output) {
    process.stdout.write(body);
    return;
  }
  await writeFile(output, body).catch((err: unknown) => {
    throw new DrydockError('USAGE', `cannot write ${output}`, { cause: err });
  });
}

/** Warnings go to stderr, unless `--quiet`. */
export function warn(text: string, quiet: boolean): void {
  if (!quiet) process.stderr.write(`drydock: warning: ${text}\n`);
}
