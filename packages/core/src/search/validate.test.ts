import { describe, expect, it } from 'vitest';
import type { Category } from '../schema/index.js';
import { findTerm, searchFields, searchTerms, soleKey } from './fields.js';
import { parseSearch } from './parse.js';
import { validateSearch } from './validate.js';

const NONE = new Set<string>();
const check = (query: string, category: Category = 'view', custom: ReadonlySet<string> = NONE) => {
  const error = validateSearch(parseSearch(query), category, custom);
  return (
    error && {
      code: error.code,
      message: error.message,
      position: error.position,
      length: error.length,
    }
  );
};

describe('searchFields and findTerm', () => {
  const query = 'timeout service:web OR (-env:prod service:(a OR b) duration:>1s)';
  const filter = parseSearch(query);

  it('list each key once, in reading order', () => {
    expect(searchFields(filter)).toEqual(['service', 'env', 'duration']);
    expect(searchFields(null)).toEqual([]);
  });

  it('find the first term on a key, with the span of its key', () => {
    const term = findTerm(filter, 'env');
    expect(term && query.slice(term.keySpan.start, term.keySpan.end)).toBe('env');
    expect(findTerm(filter, 'nope')).toBeUndefined();
  });

  it('walk every term, value groups spread out', () => {
    expect(searchTerms(filter).map((term) => term.key)).toEqual([
      'service',
      'env',
      'service',
      'service',
      'duration',
    ]);
  });

  it('soleKey names the one key of a filter made only of its terms', () => {
    expect(soleKey(parseSearch('k:(a OR -b)')!)).toBe('k');
    expect(soleKey(parseSearch('k:a OR j:b')!)).toBeNull();
    expect(soleKey(parseSearch('k:a OR b')!)).toBeNull();
  });
});

describe('validateSearch', () => {
  it('accepts catalogue fields of the category, custom keys and free text', () => {
    expect(check('view_url:/a* loading_time:[1s TO 3s] timeout -env:prod')).toBeNull();
    expect(check('plan:gold', 'view', new Set(['plan']))).toBeNull();
    expect(check('')).toBeNull();
  });

  it('points at an unknown key', () => {
    expect(check('view_url:/a nope:1')).toEqual({
      code: 'unknown_field',
      message: 'unknown field "nope"',
      position: 12,
      length: 4,
    });
  });

  it('points at the @ of an unknown @key, and at the shared key of a value group', () => {
    expect(check('a @nope:1')).toMatchObject({ position: 2, length: 5 });
    expect(check('x nope:(a OR b)')).toMatchObject({ position: 2, length: 4 });
  });

  it('refuses a field that belongs to another category', () => {
    expect(check('resource_url:x', 'view')).toEqual({
      code: 'unknown_field',
      message: '"resource_url" is not a field of view events',
      position: 0,
      length: 12,
    });
    expect(check('resource_url:x', 'resource')).toBeNull();
  });

  it('refuses a comparison or range on a field that is not a number', () => {
    expect(check('view_url:>5')).toEqual({
      code: 'not_numeric',
      message: '"view_url" holds string values, which cannot be compared as numbers',
      position: 0,
      length: 11,
    });
    expect(check('is_active:[0 TO 1]')).toMatchObject({ code: 'not_numeric' });
    expect(check('resource_dns_time:>1ms', 'resource')).toMatchObject({ code: 'not_numeric' });
  });

  it('allows comparisons on custom keys, whose type it cannot know', () => {
    expect(check('score:>5', 'view', new Set(['score']))).toBeNull();
  });

  it('refuses a value a number field cannot hold', () => {
    expect(check('resource_status:abc', 'resource')).toEqual({
      code: 'invalid_value',
      message: '"resource_status" takes a number, not "abc"',
      position: 0,
      length: 19,
    });
    expect(check('resource_status:404', 'resource')).toBeNull();
    expect(check('duration:1s', 'resource')).toBeNull();
  });

  it('refuses a value a boolean field cannot hold, accepting its wire spellings', () => {
    expect(check('is_active:maybe')).toMatchObject({ code: 'invalid_value' });
    expect(check('is_active:true is_signin:T')).toBeNull();
  });

  it('refuses an empty range', () => {
    expect(check('loading_time:[3s TO 1s]')).toEqual({
      code: 'empty_range',
      message: 'empty range: 3s is above 1s',
      position: 0,
      length: 23,
    });
    expect(check('loading_time:[1s TO 1000ms]')).toBeNull();
  });

  it('reports the first problem in reading order', () => {
    expect(check('view_url:>1 nope:x')).toMatchObject({ code: 'not_numeric', position: 0 });
  });
});
