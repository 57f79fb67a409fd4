import { DrydockError } from '../../errors.js';
import { isDigest } from '../digest.js';

/**
 * A registry reference split the way docker's reference grammar does
 * (distribution/reference, reference.go): `[domain/]path[:tag][@digest]`.
 */
export interface RegistryReference {
  /** Registry as users name it: `docker.io`, `ghcr.io`, `localhost:5000`. */
  registry: string;
  /** Host (and port) the distribution API is served from. */
  apiHost: string;
  /** Repository path inside the registry, `library/debian`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** What is asked of `/v2/<repository>/manifests/`: the digest when given, else the tag. */
  selector: string;
  /** `registry/repository`, for repo tags and repo digests. */
  name: string;
}

export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

// Grammar from distribution/reference: every piece is anchored and free of nested
// quantifiers that overlap, so hostile input cannot make matching slow.
const COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const LABEL = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_RE = new RegExp(`^${LABEL}(?:\\.${LABEL})*(?::[0-9]{1,5})?$`);
const IPV6_DOMAIN_RE = /^\[[0-9a-fA-F:.]+\](?::[0-9]{1,5})?$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const MAX_NAME = 255;
const MAX_INPUT = 1024;

function invalid(input: string, reason: string): DrydockError {
  const shown = input.length > 120 ? `${input.slice(0, 120)}...` : input;
  return new DrydockError('REF_INVALID', `invalid image reference "${shown}": ${reason}`);
}

/** docker's splitDockerDomain: the first part is a registry only if it looks like a host. */
function splitDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash === -1) return [DOCKER_HUB, name];

  const first = name.slice(0, slash);
  const looksLikeHost =
    first.includes('.') ||
    first.includes(':') ||
    first === 'localhost' ||
    first !== first.toLowerCase();
  if (!looksLikeHost) return [DOCKER_HUB, name];
  return [first, name.slice(slash + 1)];
}

function splitTag(rest: string): [string, string | undefined] {
  const colon = rest.lastIndexOf(':');
  if (colon === -1 || colon < rest.lastIndexOf('/')) return [rest, undefined];
  return [rest.slice(0, colon), rest.slice(colon + 1)];
}

function checkDomain(input: string, domain: string): void {
  if (DOMAIN_RE.test(domain) || IPV6_DOMAIN_RE.test(domain)) return;
  throw invalid(input, `"${domain.slice(0, 80)}" is not a valid registry host`);
}

function checkRepository(input: string, repository: string): void {
  if (repository.length === 0) throw invalid(input, 'the repository name is empty');
  if (repository !== repository.toLowerCase()) {
    throw invalid(input, 'repository names must be lowercase');
  }
  for (const component of repository.split('/')) {
    if (!COMPONENT_RE.test(component)) {
      throw invalid(input, `"${component.slice(0, 80)}" is not a valid repository path component`);
    }
  }
}

/** Parses `debian`, `ghcr.io/o/r:t`, `localhost:5000/x@sha256:...`, `docker://...`. */
export function parseReference(input: string): RegistryReference {
  if (input.length > MAX_INPUT) throw invalid(input, `longer than ${MAX_INPUT} characters`);

  const trimmed = input.startsWith('docker://') ? input.slice('docker://'.length) : input;
  if (trimmed.length === 0) throw invalid(input, 'it is empty');

  const at = trimmed.indexOf('@');
  const namePart = at === -1 ? trimmed : trimmed.slice(0, at);
  const digest = at === -1 ? undefined : trimmed.slice(at + 1);
  if (digest !== undefined && !isDigest(digest)) {
    throw invalid(input, 'the digest must be sha256:<64 hex> or sha512:<128 hex>');
  }

  const [domainRaw, rest] = splitDomain(namePart);
  const [path, tag] = splitTag(rest);
  checkDomain(input, domainRaw);
  checkRepository(input, path);
  if (tag !== undefined && !TAG_RE.test(tag)) throw invalid(input, 'the tag is not valid');

  const registry = DOCKER_HUB_ALIASES.has(domainRaw) ? DOCKER_HUB : domainRaw;
  const repository = registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path;
  const name = `${registry}/${repository}`;
  if (name.length > MAX_NAME)
    throw invalid(input, `the name is longer than ${MAX_NAME} characters`);

  const finalTag = tag ?? (digest === undefined ? 'latest' : undefined);
  return {
    registry,
    apiHost: registry === DOCKER_HUB ? DOCKER_HUB_API : registry,
    repository,
    tag: finalTag,
    digest,
    selector: digest ?? finalTag!,
    name,
  };
}

/** The name users see: `docker.io/library/debian:12` or `...@sha256:...`. */
export function formatReference(ref: RegistryReference): string {
  if (ref.digest) return `${ref.name}@${ref.digest}`;
  return `${ref.name}:${ref.tag}`;
}
