import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import { DigestVerifier } from '../../../src/image/digest.js';
import type { Descriptor, OpenedImage } from '../../../src/image/types.js';

type BlobDesc = Pick<Descriptor, 'digest' | 'size' | 'mediaType'>;

/** Streams one blob of an opened image through DigestVerifier, as the layer walk does. */
export async function readVerified(image: OpenedImage, desc: BlobDesc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const stream = await image.openBlob(desc);
  await pipeline(stream, new DigestVerifier(desc.digest, desc.size, 'blob'), sink);
  return Buffer.concat(chunks);
}

/** Reads every layer of the image, verified, and returns the regular files they hold. */
export async function filesOfImage(image: OpenedImage): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const layer of image.layers) {
    const bytes = await readVerified(image, layer);
    Object.assign(files, await filesOfTar(gunzipSync(bytes)));
  }
  return files;
}

async function filesOfTar(tar: Buffer): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const parser = extract();
  parser.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c) => chunks.push(c as Buffer));
    stream.on('end', () => {
      if (header.type === 'file')
        files[header.name.replace(/^\.?\//, '')] = Buffer.concat(chunks).toString();
      next();
    });
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('finish', resolve);
    parser.on('error', reject);
  });
  parser.end(tar);
  await done;
  return files;
}
