import { openImage, openInput } from '../image/sources.js';
import { formatPlatform } from '../image/platform.js';
import type { OpenedImage, OpenOptions } from '../image/types.js';

/** What a report is about: an image by digest, a directory, or an SBOM document. */
export interface ScanTarget {
  kind: 'image' | 'filesystem' | 'sbom';
  name: string;
  digest?: string;
  platform?: string;
  repoTags?: string[];
  configDigest?: string;
}

export function imageTarget(image: OpenedImage): ScanTarget {
  return {
    kind: 'image',
    name: image.reference,
    digest: image.manifestDigest,
    platform: formatPlatform(image.platform),
    repoTags: image.repoTags,
    configDigest: image.configDigest,
  };
}

/** Opens what `drydock image` was pointed at: a reference, or `--input PATH`. */
export function openTarget(
  reference: string | undefined,
  input: string | undefined,
  options: OpenOptions,
): Promise<OpenedImage> {
  if (input) return openInput(input, options);
  return openImage(reference ?? '', options);
}
