import { describe, expect, it } from 'vitest';
import { parseSearch } from './parse.js';
import { hasWildcard, wildcardToLike, wildcardToRegExp } from './wildcard.js';

const globOf = (query: string) => (parseSearch(query) as { value: { text: string } }).value.text;

describe('wildcard globs', () => {
  it('become LIKE patterns with literal % _ and \\ escaped', () => {
    expect(wildcardToLike(globOf('k:/api/*'))).toBe('/api/%');
    expect(wildcardToLike(globOf('k:a?c*'))).toBe('a_c%');
    expect(wildcardToLike(globOf('k:100%_\\*x*'))).toBe('100\\%\\_*x%');
    expect(wildcardToLike(globOf('k:a\\\\b*'))).toBe('a\\\\b%');
  });

  it('become anchored RegExps where ? is one character, emoji included', () => {
    const re = wildcardToRegExp(globOf('k:a?c*'));
    expect(re.test('abc')).toBe(true);
    expect(re.test('a🙂cdef')).toBe(true);
    expect(re.test('xabc')).toBe(false);
    expect(wildcardToRegExp(globOf('k:a.b*')).test('axb')).toBe(false);
    expect(wildcardToRegExp(globOf('k:a\\*b?')).test('a*bc')).toBe(true);
    expect(wildcardToRegExp(globOf('k:a\\*b?')).test('axbc')).toBe(false);
    expect(wildcardToRegExp('l*\n?', 'i').test('LINE\nX')).toBe(true);
  });

  it('know whether they hold a wildcard', () => {
    expect(hasWildcard('a\\*')).toBe(false);
    expect(hasWildcard('a\\**')).toBe(true);
  });
});
