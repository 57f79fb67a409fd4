import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/secret/redact-text.js';

// Built at run time so no credential-shaped literal sits in the repository.
const token = ['ghp', '_', 'R7x9Lm2Qv8Tz4Kp6Wn3Ys5Bd1Hf0Jc', 'Ae9Gk2'].join('');

describe('redactText', () => {
  it('replaces a secret in a history step with its redacted form', () => {
    const step = `RUN |1 GITHUB_TOKEN=${token} /bin/sh -c make`;
    const out = redactText(step);
    expect(out).not.toContain(token);
    expect(out).toContain('RUN |1 GITHUB_TOKEN=');
    expect(out).toContain('/bin/sh -c make');
  });

  it('leaves text without secrets alone', () => {
    expect(redactText('/bin/sh -c apt-get update')).toBe('/bin/sh -c apt-get update');
  });
});
