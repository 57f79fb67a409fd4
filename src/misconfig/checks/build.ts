import type { Check, CheckContext, Evidence, Instruction } from '../types.js';
import { fromOrigin } from './shared.js';

/** Checks of how an image was built: downloads at build time and floating base images. */
const BOTH = ['image', 'dockerfile'] as const;
const REMOTE = /^(?:https?|ftp):\/\/|^git@/i;

export const addFromUrl: Check = {
  id: 'DD-IMG-005',
  title: 'ADD downloads from a URL',
  severity: 'MEDIUM',
  rationale:
    'ADD with a URL fetches whatever the server returns at build time, unverified, so the ' +
    'image cannot be rebuilt the same way and a compromised server changes it silently.',
  remedy:
    'Download with RUN and verify a pinned checksum, or give ADD --checksum=sha256:...; use ' +
    'COPY for local files.',
  targets: BOTH,
  evaluate(ctx) {
    const out: Evidence[] = [];
    for (const i of ctx.instructions) {
      if (i.keyword !== 'ADD' || i.flags.checksum) continue;
      for (const source of addSources(i).filter((s) => REMOTE.test(s))) {
        out.push(fromOrigin(i.origin, `ADD fetches ${source.slice(0, 200)}`));
      }
    }
    return out;
  },
};

/** Every word but the last (the destination); here-document bodies are not sources. */
function addSources(i: Instruction): string[] {
  const words = i.json ?? i.args.split('\n')[0]!.split(' ').filter(Boolean);
  return words.slice(0, -1);
}

export const floatingBase: Check = {
  id: 'DD-IMG-006',
  title: 'Base image is latest or untagged',
  severity: 'MEDIUM',
  rationale:
    'A latest or untagged base is whatever the registry serves on the day of the build, so ' +
    'two builds of the same source differ and a broken or malicious push flows in unseen.',
  remedy: 'Pin the base to a version tag, and better to its digest (image:1.2.3@sha256:...).',
  targets: BOTH,
  evaluate(ctx) {
    const out: Evidence[] = [];
    for (const { ref, origin, how } of baseReferences(ctx)) {
      const why = floatingReason(ref);
      if (why) out.push(fromOrigin(origin, `${how} ${ref.slice(0, 200)} ${why}`));
    }
    return out;
  },
};

/** The image a reference floats with: undefined when it is pinned by tag or digest. */
export function floatingReason(ref: string): string | undefined {
  if (ref === '' || ref.includes('$') || ref.toLowerCase() === 'scratch') return undefined;
  if (ref.includes('@')) return undefined;

  const last = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  if (colon === -1) return 'has no tag, so it means latest';
  if (last.slice(colon + 1) === 'latest') return 'uses the latest tag';
  return undefined;
}

interface BaseRef {
  ref: string;
  how: string;
  origin: Instruction['origin'];
}

/** FROM bases and COPY --from images (not stage names); for images also the base label. */
function baseReferences(ctx: CheckContext): BaseRef[] {
  const refs: BaseRef[] = [];
  const stageNames = new Set<string>();

  for (const i of ctx.instructions) {
    if (i.keyword === 'FROM') {
      const [base = '', as, name] = i.args.split(' ').filter(Boolean);
      if (!stageNames.has(base.toLowerCase()))
        refs.push({ ref: base, how: 'FROM', origin: i.origin });
      if (as?.toUpperCase() === 'AS' && name) stageNames.add(name.toLowerCase());
    }

    const from = i.keyword === 'COPY' ? i.flags.from : undefined;
    if (from && !/^\d+$/.test(from) && !stageNames.has(from.toLowerCase())) {
      refs.push({ ref: from, how: 'COPY --from', origin: i.origin });
    }
  }

  const label = ctx.runtime.labels['org.opencontainers.image.base.name'];
  if (ctx.target === 'image' && label)
    refs.push({ ref: label, how: 'base image label', origin: {} });
  return refs;
}
