import { describe, expect, it } from 'vitest';
import { parseSearch } from '../search/parse.js';
import { wildcardToRegExp } from '../search/wildcard.js';
import { clusterMessageSearch } from './clusterSearch.js';
import { errorPattern } from './errorPattern.js';

const matches = (search: string, message: string) => {
  const term = parseSearch(search);
  if (term?.type !== 'term' || !('value' in term)) throw new Error('not a term');
  return term.op === 'wildcard'
    ? wildcardToRegExp(term.value.text).test(message)
    : term.value.text === message;
};

describe('clusterMessageSearch', () => {
  it("turns a pattern's masked parts into wildcards that match the cluster's messages", () => {
    const message = "Cannot read properties of undefined (reading 'price')";
    const search = clusterMessageSearch(errorPattern(message)) as string;
    expect(parseSearch(search)).toMatchObject({
      type: 'term',
      key: 'error_message',
      op: 'wildcard',
    });
    expect(matches(search, message)).toBe(true);
    expect(matches(search, "Cannot read properties of undefined (reading 'name')")).toBe(true);
    expect(matches(search, "Cannot read properties of null (reading 'price')")).toBe(false);
  });

  it('matches URLs and numbers masked in the middle or at the end', () => {
    const search = clusterMessageSearch(
      errorPattern('XHR error GET https://api.x.test/v1/products/42'),
    ) as string;
    expect(matches(search, 'XHR error GET https://api.x.test/v1/cart')).toBe(true);
    expect(
      matches(
        clusterMessageSearch('Loading chunk <n> failed.') as string,
        'Loading chunk 417 failed.',
      ),
    ).toBe(true);
  });

  it('searches a pattern without masks as the exact message, its wildcard characters literal', () => {
    const search = clusterMessageSearch('Is it * or ?') as string;
    expect(parseSearch(search)).toMatchObject({ op: 'eq', value: { text: 'Is it * or ?' } });
  });

  it('gives null where the syntax cannot say it: a leading wildcard, or nothing but masks', () => {
    expect(clusterMessageSearch('<n> items failed')).toBeNull();
    expect(clusterMessageSearch('<url>')).toBeNull();
    expect(clusterMessageSearch('')).toBeNull();
  });
});
