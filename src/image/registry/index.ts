/**
 * The OCI registry source (distribution API v2). `registrySource` opens references such
 * as `debian:12`, `ghcr.io/o/r@sha256:...` or `localhost:5000/x:y` (with `insecure`).
 */
export { formatReference, parseReference, type RegistryReference } from './reference.js';
export { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
export { createRegistrySource, type RegistrySourceSettings, registrySource } from './source.js';
