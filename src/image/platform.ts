import { DrydockError } from '../errors.js';
import type { Descriptor, Platform } from './types.js';

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

/** Parses `os/arch[/variant]` as `--platform` takes it (docker's own form). */
export function parsePlatform(value: string): Platform {
  const parts = value.split('/');
  const [os, architecture, variant] = parts;
  if (parts.length < 2 || parts.length > 3 || !os || !architecture) {
    throw new DrydockError('USAGE', `invalid platform "${value}": expected os/arch[/variant]`);
  }
  return variant ? { os, architecture, variant } : { os, architecture };
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** containerd's normalisation: arm64 without variant means v8, arm without means v7. */
function normalise(p: Platform): Platform {
  if (p.architecture === 'arm64' && (p.variant === undefined || p.variant === 'v8')) {
    return { os: p.os, architecture: 'arm64' };
  }
  if (p.architecture === 'arm' && p.variant === undefined) {
    return { os: p.os, architecture: 'arm', variant: 'v7' };
  }
  return p;
}

export function platformMatches(want: Platform, have: Platform): boolean {
  const a = normalise(want);
  const b = normalise(have);
  if (a.os !== b.os || a.architecture !== b.architecture) return false;
  return a.variant === undefined || a.variant === b.variant;
}

/**
 * Picks the manifest for `want` from an index or manifest list. Attestation manifests
 * (platform unknown/unknown) never match a real platform, so they are skipped naturally.
 */
export function selectManifest(manifests: Descriptor[], want: Platform, where: string): Descriptor {
  const found = manifests.find((m) => m.platform && platformMatches(want, m.platform));
  if (found) return found;

  const offered = manifests
    .map((m) => (m.platform ? formatPlatform(m.platform) : 'unspecified'))
    .join(', ');
  throw new DrydockError(
    'PLATFORM_NOT_FOUND',
    `${where} has no image for ${formatPlatform(want)} (it offers: ${offered || 'nothing'})`,
  );
}
