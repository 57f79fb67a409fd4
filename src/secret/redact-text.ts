import { scanString } from './detect.js';
import { redact } from './redact.js';

/**
 * Returns text with every secret the rules find replaced by its redacted form, for the
 * places a report must show free text from an image (history steps, labels) without
 * leaking what they carry.
 */
export function redactText(text: string): string {
  const values = new Set(scanString(text).map((m) => m.value));
  let out = text;
  for (const value of [...values].sort((a, b) => b.length - a.length)) {
    out = out.split(value).join(redact(value));
  }
  return out;
}
