import { formatPlatform } from '../image/platform.js';
import { openImage, openInput } from '../image/sources.js';
import type { OpenedImage, OpenOptions } from '../image/types.js';
import type { Target } from '../sbom/types.js';

/** What a report is about: an image by digest, a directory, or an SBOM document. */
export type ScanTarget = Target;

export function imageTarget(image: OpenedImage): ScanTarget {
  return {
    kind: 'image',
    name: image.reference,
    digest: image.manifestDigest,
    platform: formatPlatform(image.platform),
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
