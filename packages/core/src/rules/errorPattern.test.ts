import { describe, expect, it } from 'vitest';
import { errorPattern } from './errorPattern.js';

describe('errorPattern', () => {
  it.each([
    [
      "Cannot read properties of undefined (reading 'price')",
      "Cannot read properties of undefined (reading '<str>')",
    ],
    [
      'Request failed with status 503 after 1200.5 ms',
      'Request failed with status <n> after <n> ms',
    ],
    ['GET https://api.example.com/items/42?x=1 failed', 'GET <url> failed'],
    ['order 3f2a1c9e-1b2c-4d5e-8f90-123456789abc not found', 'order <id> not found'],
    ['token 5f4dcc3b5aa765d61d8327deb882cf99 expired', 'token <id> expired'],
    [
      'Unexpected token "<" in JSON at position 0',
      'Unexpected token "<str>" in JSON at position <n>',
    ],
    ['  spaced\n\tout  ', 'spaced out'],
  ])('%j → %j', (message, pattern) => {
    expect(errorPattern(message)).toBe(pattern);
  });

  it('gives messages that differ only in values the same pattern', () => {
    expect(errorPattern('Timeout after 3000ms on /api/cart/17')).toBe(
      errorPattern('Timeout after 5000ms on /api/cart/9'),
    );
  });

  it('keeps words that merely contain digits or hex letters', () => {
    expect(errorPattern('TypeError in utf8 decoder')).toBe('TypeError in utf8 decoder');
    expect(errorPattern('bad facade')).toBe('bad facade');
  });
});
