import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Builds small real OCI images with umoci into an OCI layout directory and pushes them
 * with skopeo, so tests pull images made by the same tools users have.
 */
export interface ImageSpec {
  /** Files to add, one layer each: image path -> content. */
  files: Record<string, string>;
  architecture?: string;
  user?: string;
}

interface LayoutIndex {
  schemaVersion: number;
  manifests: {
    mediaType: string;
    digest: string;
    size: number;
    annotations?: Record<string, string>;
    platform?: { os: string; architecture: string };
  }[];
}

function run(program: string, args: string[]): string {
  return execFileSync(program, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Adds image `tag` to the layout at `layout` (created when missing). */
export function buildImage(layout: string, tag: string, spec: ImageSpec): void {
  if (!existsSync(path.join(layout, 'index.json'))) {
    // umoci init wants to create the directory itself; an empty one from mkdtemp is fine.
    if (existsSync(layout)) rmdirSync(layout);
    run('umoci', ['init', '--layout', layout]);
  }
  const image = `${layout}:${tag}`;
  run('umoci', ['new', '--image', image]);

  // One repack per file gives one layer per file. umoci insert is avoided: 0.4.7 writes
  // its tar without the end-of-archive blocks, which strict tar readers reject.
  const work = mkdtempSync(path.join(os.tmpdir(), 'drydock-umoci-'));
  const bundle = path.join(work, 'bundle');
  try {
    run('umoci', ['unpack', '--rootless', '--image', image, bundle]);
    for (const [target, content] of Object.entries(spec.files)) {
      const file = path.join(bundle, 'rootfs', target);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      run('umoci', ['repack', '--refresh-bundle', '--image', image, bundle]);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const config = ['config', '--image', image, '--os', 'linux'];
  config.push('--architecture', spec.architecture ?? 'amd64');
  if (spec.user) config.push('--config.user', spec.user);
  run('umoci', config);
}

function readIndex(layout: string): LayoutIndex {
  return JSON.parse(readFileSync(path.join(layout, 'index.json'), 'utf8')) as LayoutIndex;
}

/** The manifest descriptor tagged `tag` in the layout's index.json. */
export function taggedDescriptor(layout: string, tag: string) {
  const found = readIndex(layout).manifests.find(
    (m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag,
  );
  if (!found) throw new Error(`tag ${tag} not in layout ${layout}`);
  return found;
}

/**
 * Builds linux/amd64 and linux/arm64 images and tags an image index over both as `tag`,
 * written by code because umoci makes single-platform images only.
 */
export function buildMultiPlatform(layout: string, tag: string): Record<string, string> {
  buildImage(layout, `${tag}-amd64`, { files: { 'etc/arch': 'amd64\n' }, architecture: 'amd64' });
  buildImage(layout, `${tag}-arm64`, { files: { 'etc/arch': 'arm64\n' }, architecture: 'arm64' });

  const children = ['amd64', 'arm64'].map((architecture) => {
    const { mediaType, digest, size } = taggedDescriptor(layout, `${tag}-${architecture}`);
    return { mediaType, digest, size, platform: { os: 'linux', architecture } };
  });
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: children,
    }),
  );
  const hex = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(path.join(layout, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(path.join(layout, 'blobs', 'sha256', hex), bytes);

  const index = readIndex(layout);
  index.manifests.push({
    mediaType: 'application/vnd.oci.image.index.v1+json',
    digest: `sha256:${hex}`,
    size: bytes.length,
    annotations: { 'org.opencontainers.image.ref.name': tag },
  });
  writeFileSync(path.join(layout, 'index.json'), JSON.stringify(index));
  return Object.fromEntries(children.map((c) => [c.platform.architecture, c.digest]));
}

export interface PushOptions {
  all?: boolean;
  /** `user:password` for registries that need a login to push. */
  creds?: string;
  /** skopeo's `v2s2` converts to Docker schema 2 media types on the way. */
  format?: 'oci' | 'v2s2';
}

/**
 * Pushes `layout:tag` to `docker://dest` with skopeo; returns the pushed manifest's digest.
 * Asynchronous on purpose: the token server of a test registry runs in this process.
 */
export async function pushImage(
  layout: string,
  tag: string,
  dest: string,
  options: PushOptions = {},
): Promise<string> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'drydock-skopeo-'));
  const digestFile = path.join(work, 'digest');
  const args = ['copy', '--insecure-policy', '--dest-tls-verify=false', '-q'];
  if (options.all) args.push('--all');
  if (options.creds) args.push('--dest-creds', options.creds);
  if (options.format) args.push('--format', options.format);
  args.push('--digestfile', digestFile, `oci:${layout}:${tag}`, `docker://${dest}`);

  try {
    await promisify(execFile)('skopeo', args, { encoding: 'utf8' });
    return readFileSync(digestFile, 'utf8').trim();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
