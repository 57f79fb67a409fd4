import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { DrydockError } from '../errors.js';

/** OCI image spec, descriptor.md: `algorithm:encoded`; drydock accepts sha256 and sha512. */
const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

export function isDigest(value: string): boolean {
  return DIGEST_RE.test(value);
}

/** Validates a digest from untrusted input; it is later used in file names and URLs. */
export function parseDigest(value: string, what: string): string {
  if (!isDigest(value)) {
    throw new DrydockError(
      'MANIFEST_INVALID',
      `${what} has an invalid digest: ${value.slice(0, 80)}`,
    );
  }
  return value;
}

export function digestAlgorithm(digest: string): 'sha256' | 'sha512' {
  return digest.startsWith('sha512:') ? 'sha512' : 'sha256';
}

export function digestOf(bytes: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Checks buffered bytes (manifests, configs) against their expected digest. */
export function assertDigest(bytes: Uint8Array, expected: string, what: string): void {
  const actual = digestOf(bytes, digestAlgorithm(expected));
  if (actual !== expected) {
    throw new DrydockError(
      'BLOB_DIGEST_MISMATCH',
      `${what} ${expected} does not match its content (got ${actual})`,
    );
  }
}

/**
 * A pass-through stream that hashes what flows and fails at the end when the digest or
 * the size differs from the descriptor. It also fails early once more bytes than the
 * declared size arrive, so a hostile source cannot stream without end.
 */
export class DigestVerifier extends Transform {
  private readonly hash: Hash;
  private seen = 0;

  constructor(
    /** Undefined checks only the size: for sources whose blobs have no known digest. */
    private readonly expected: string | undefined,
    private readonly expectedSize: number | undefined,
    private readonly what: string,
  ) {
    // Room for a few chunks each way, so reading, hashing and inflating overlap.
    super({ highWaterMark: 1024 * 1024 });
    this.hash = createHash(digestAlgorithm(expected ?? 'sha256:'));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (
      this.expectedSize !== undefined &&
      this.expectedSize >= 0 &&
      this.seen > this.expectedSize
    ) {
      done(
        new DrydockError(
          'BLOB_TOO_LARGE',
          `${this.what} ${this.expected} is larger than its declared ${this.expectedSize} bytes`,
        ),
      );
      return;
    }
    if (this.expected !== undefined) this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.expected === undefined) {
      done();
      return;
    }
    const actual = `${digestAlgorithm(this.expected)}:${this.hash.digest('hex')}`;
    if (actual !== this.expected) {
      done(
        new DrydockError(
          'BLOB_DIGEST_MISMATCH',
          `${this.what} ${this.expected} does not match its content (got ${actual})`,
        ),
      );
      return;
    }
    done();
  }
}
