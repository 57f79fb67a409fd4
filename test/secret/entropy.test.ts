import { describe, expect, it } from 'vitest';
import { shannonEntropy } from '../../src/secret/entropy.js';

describe('shannonEntropy', () => {
  const table: [string, number][] = [
    ['', 0],
    ['aaaa', 0],
    ['ab', 1],
    ['abcd', 2],
    ['0123456789abcdef', 4],
  ];

  it.each(table)('of %j is %d bits per character', (value, bits) => {
    expect(shannonEntropy(value)).toBeCloseTo(bits, 10);
  });
});
