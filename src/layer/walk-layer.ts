import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DrydockError, isDrydockError } from '../errors.js';
import { DigestVerifier } from '../image/digest.js';
import type { LayerRef } from '../image/types.js';
import type { CompiledConsumer } from './consumers.js';
import {
  type Compression,
  decompressionError,
  decompressor,
  detectCompression,
  peek,
} from './decompress.js';
import { type LayerRecord, LayerRecorder, type LayerValues } from './layer-record.js';
import type { WalkLimits } from './limits.js';
import { TarParser } from './tar-parser.js';
import type { LayerOrigin } from './types.js';

export interface LayerWalkOutput {
  record: LayerRecord;
  values: Map<string, LayerValues>;
  compression: Compression;
}

/** Counts compressed bytes for progress and for the decompression-ratio bound. */
class ByteCounter {
  compressed = 0;
}

/**
 * Streams one layer blob: verifies its digest as it flows, detects and undoes its
 * compression, checks the diff-id of the uncompressed tar, and records its entries. No
 * byte of the layer is kept beyond the files consumers asked for. Nothing is returned
 * unless both digests matched, so a caller may cache what it gets.
 */
export async function walkLayerStream(
  raw: Readable,
  layer: LayerRef,
  consumers: CompiledConsumer[],
  limits: WalkLimits,
  onBytes?: (compressed: number) => void,
): Promise<LayerWalkOutput> {
  const what = `layer ${layer.index} (${layer.digest})`;
  const counter = new ByteCounter();
  const expected = layer.verifyBlob === false ? undefined : layer.digest;
  const verifier = new DigestVerifier(expected, layer.size, `blob of layer ${layer.index}`);
  raw.on('data', (chunk: Buffer) => {
    counter.compressed += chunk.length;
    onBytes?.(counter.compressed);
  });
  const upstream = pipeline(raw, verifier);
  upstream.catch(() => undefined);

  let head: Buffer;
  try {
    head = await peek(verifier, 4);
  } catch (err) {
    await upstream;
    throw err;
  }
  const compression = detectCompression(head);
  const origin: LayerOrigin = {
    index: layer.index,
    diffId: layer.diffId,
    historyIndex: layer.historyIndex,
    createdBy: layer.createdBy,
  };
  const recorder = new LayerRecorder(origin, consumers, limits.maxDiagnostics);
  const sink = tarSink(recorder, limits, counter, what);

  const inflater = decompressor(compression);
  const downstream = inflater
    ? pipeline(verifier, inflater, sink.run)
    : pipeline(verifier, sink.run);
  const settled = await Promise.allSettled([downstream, upstream]);
  const failure = sink.state.failure ?? firstCause(settled);
  if (failure !== undefined) throw classify(failure, compression, what, inflater !== undefined);

  const diffId = `sha256:${sink.diffHash.digest('hex')}`;
  if (diffId !== layer.diffId) {
    throw new DrydockError(
      'DIFF_ID_MISMATCH',
      `${what}: uncompressed content has diff-id ${diffId}, the config says ${layer.diffId}`,
    );
  }
  recorder.finish(sink.inflated());
  return { record: recorder.record, values: recorder.values, compression };
}

function tarSink(recorder: LayerRecorder, limits: WalkLimits, counter: ByteCounter, what: string) {
  const parser = new TarParser(recorder, { maxMetaBytes: limits.maxMetaBytes });
  const diffHash = createHash('sha256');
  let inflated = 0;

  const state: { failure?: unknown } = {};

  // pipeline() reports an AbortError instead of what this function threw once it has
  // destroyed the source, so the real failure is kept here.
  async function run(source: AsyncIterable<Buffer>): Promise<void> {
    try {
      for await (const chunk of source) {
        inflated += chunk.length;
        checkBounds(inflated, counter.compressed, limits, what);
        diffHash.update(chunk);
        parser.write(chunk);
        if (recorder.hasPending()) await recorder.drain();
      }
      parser.end();
      await recorder.drain();
    } catch (err) {
      state.failure = err;
      throw err;
    }
  }

  return { run, diffHash, state, inflated: () => inflated };
}

function checkBounds(inflated: number, compressed: number, limits: WalkLimits, what: string): void {
  if (inflated > limits.maxInflatedBytes) {
    throw new DrydockError(
      'LAYER_TOO_LARGE',
      `${what} inflates past the limit of ${limits.maxInflatedBytes} bytes; stopped`,
    );
  }
  if (inflated > limits.ratioGraceBytes && inflated > compressed * limits.maxRatio) {
    throw new DrydockError(
      'LAYER_TOO_LARGE',
      `${what} inflates more than ${limits.maxRatio} times its compressed size: ` +
        'a decompression bomb; stopped',
    );
  }
}

/**
 * When one stage fails, pipeline aborts the others; the abort is an echo, not the cause.
 * drydock's own errors are the most specific, then anything that is not an abort.
 */
function firstCause(results: PromiseSettledResult<unknown>[]): unknown {
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const isAbort = (e: unknown) => (e as { name?: unknown }).name === 'AbortError';
  return errors.find((e) => isDrydockError(e)) ?? errors.find((e) => !isAbort(e)) ?? errors[0];
}

/** Keeps drydock's own errors; names the layer and format in anything the inflater threw. */
function classify(err: unknown, kind: Compression, what: string, inflating: boolean): unknown {
  if (isDrydockError(err)) {
    if (err.code === 'LAYER_CORRUPT' && !err.message.startsWith('layer ')) {
      return new DrydockError('LAYER_CORRUPT', `${what}: ${err.message}`, { cause: err });
    }
    return err;
  }
  const code = (err as { code?: unknown }).code;
  const fromInflater =
    inflating && (typeof code === 'string' ? code.startsWith('Z_') : err instanceof Error);
  if (fromInflater && !(typeof code === 'string' && code.startsWith('ERR_STREAM'))) {
    return decompressionError(kind, what, err);
  }
  return err;
}
