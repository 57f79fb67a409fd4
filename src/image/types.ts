import type { Readable } from 'node:stream';

/**
 * The image model every source produces. A source resolves a reference to one manifest
 * for one platform, its parsed config, and the ordered layers; `openBlob` streams the raw
 * bytes of a blob exactly as stored. Sources do not verify digests themselves: callers
 * wrap every blob in `verifyDigest` (src/image/digest.ts) so there is one place that MUST
 * check them.
 */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** The parts of the OCI / Docker image config drydock reads; unknown fields are kept. */
export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  created?: string;
  config?: {
    User?: string;
    Env?: string[];
    Cmd?: string[];
    Entrypoint?: string[];
    Labels?: Record<string, string>;
    ExposedPorts?: Record<string, unknown>;
    Healthcheck?: { Test?: string[] };
    WorkingDir?: string;
  };
  rootfs: { type: string; diff_ids: string[] };
  history?: HistoryEntry[];
}

export interface LayerRef {
  /** Position in the manifest, 0 = base. */
  index: number;
  /** Digest of the blob as stored (compressed). */
  digest: string;
  /** Digest of the uncompressed tar, from the config's rootfs.diff_ids. */
  diffId: string;
  size: number;
  mediaType: string;
  /** Index into config.history of the step that wrote this layer, when known. */
  historyIndex?: number;
  createdBy?: string;
  /**
   * False when the source names no blob digest (docker-archive lists files): the walk
   * then relies on the diff-id, which it verifies for every layer anyway.
   */
  verifyBlob?: boolean;
}

export type SourceKind =
  | 'registry'
  | 'docker-archive'
  | 'oci-archive'
  | 'oci-layout'
  | 'dir'
  | 'rootfs';

export interface OpenedImage {
  /** What the user asked for, as given. */
  reference: string;
  source: SourceKind;
  /** Digest of the manifest that was chosen (after platform selection). */
  manifestDigest: string;
  /** Digest of the index or manifest list the reference pointed at, if any. */
  indexDigest?: string;
  /** Repository digests such as `docker.io/library/debian@sha256:...`, when known. */
  repoDigests: string[];
  repoTags: string[];
  platform: Platform;
  configDigest: string;
  config: ImageConfig;
  layers: LayerRef[];
  /** Raw bytes of the blob; the descriptor's size is an upper bound the stream must obey. */
  openBlob(desc: Pick<Descriptor, 'digest' | 'size' | 'mediaType'>): Promise<Readable>;
  close(): Promise<void>;
}

export interface OpenOptions {
  platform: Platform;
  insecure: boolean;
  /** Where credentials come from; defaults to ~/.docker/config.json and friends. */
  authFile?: string;
  username?: string;
  password?: string;
  cacheDir: string;
  /** Largest manifest, index or config accepted, in bytes. */
  maxManifestBytes: number;
  signal?: AbortSignal;
}

/** A source kind: parses its own reference form and opens images of that kind. */
export interface ImageSource {
  kind: SourceKind;
  open(reference: string, options: OpenOptions): Promise<OpenedImage>;
}
