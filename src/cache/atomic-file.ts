import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file so that readers only ever see the old content or the whole new content:
 * write a uniquely named temp file beside it, flush it, then rename over the target
 * (atomic within one filesystem on POSIX). Two processes writing the same entry at once
 * each rename a complete file; the last one wins and both are valid. No locks, so no
 * process can lock another out. There is no fsync: after a crash a renamed file may be
 * cut short, and a reader then fails to parse it and treats it as a miss; the cache only
 * ever costs time, never a wrong result.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
