import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DrydockError } from '../../errors.js';
import { log } from '../../log.js';
import type { Credentials } from './types.js';

/** docker-credential-helpers' `get` answer (credentials/credentials.go). */
const answerSchema = z.object({
  ServerURL: z.string().optional(),
  Username: z.string(),
  Secret: z.string(),
});

/** Helper names become part of a program name, so path separators MUST NOT get through. */
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const TIMEOUT_MS = 15_000;
const MAX_OUTPUT = 64 * 1024;

/** The helper's full path when it is an executable file on PATH, else undefined. */
export function findHelper(name: string, env: NodeJS.ProcessEnv): string | undefined {
  if (!NAME_RE.test(name)) {
    throw new DrydockError('CREDENTIALS', `invalid credential helper name "${name.slice(0, 64)}"`);
  }

  const program = `docker-credential-${name}`;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `docker-credential-<name> get` with the server on stdin. "Not found" answers are
 * undefined; a helper that fails otherwise or answers garbage is an error, because
 * silently going anonymous would hide a broken login.
 */
export async function runHelper(
  program: string,
  server: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | undefined> {
  const from = `credential helper ${path.basename(program)}`;
  log().info({ helper: path.basename(program), server }, 'running docker credential helper');
  const { code, stdout, stderr } = await execGet(program, server, env);

  if (code !== 0) {
    const said = `${stdout} ${stderr}`.trim();
    if (/credentials not found/i.test(said)) return undefined;
    throw new DrydockError('CREDENTIALS', `${from} failed for ${server}: ${said.slice(0, 200)}`);
  }

  const parsed = answerSchema.safeParse(safeJson(stdout));
  if (!parsed.success) {
    throw new DrydockError('CREDENTIALS', `${from} gave an unreadable answer for ${server}`);
  }
  const { Username, Secret } = parsed.data;
  if (Username === '<token>') return { kind: 'identity-token', token: Secret, from };
  return { kind: 'basic', username: Username, password: Secret, from };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

function execGet(program: string, server: string, env: NodeJS.ProcessEnv): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      program,
      ['get'],
      { env, timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(
            new DrydockError(
              'CREDENTIALS',
              `cannot run ${path.basename(program)}: ${err.message}`,
              {
                cause: err,
              },
            ),
          );
          return;
        }
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
      },
    );
    // A helper may exit without reading stdin; its exit status says what happened, so a
    // broken pipe here is not an error of its own.
    child.stdin?.on('error', () => {});
    child.stdin?.end(server);
  });
}
