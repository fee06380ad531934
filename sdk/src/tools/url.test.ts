import { describe, expect, it } from 'vitest';
import { matches, urlFields } from './url.js';

describe('urlFields', () => {
  it('splits a view URL into Guance’s view fields, digits grouped', () => {
    expect(
      urlFields('https://shop.example/orders/1234/items?tab=2&x=a', 'viewUrl', 'view'),
    ).toEqual({
      viewUrl: 'https://shop.example/orders/1234/items?tab=2&x=a',
      viewHost: 'shop.example',
      viewPath: '/orders/1234/items',
      viewPathGroup: '/orders/?/items',
      viewUrlQuery: { tab: '2', x: 'a' },
    });
  });

  it('names a resource URL’s parts resource_url_*', () => {
    expect(Object.keys(urlFields('/api/v1/x', 'resourceUrl'))).toEqual([
      'resourceUrl',
      'resourceUrlHost',
      'resourceUrlPath',
      'resourceUrlPathGroup',
      'resourceUrlQuery',
    ]);
  });

  it('keeps only the start of a data: URL', () => {
    const fields = urlFields(`data:image/png;base64,${'A'.repeat(10_000)}`, 'resourceUrl');
    expect(String(fields.resourceUrl)).toHaveLength(100);
  });
});

describe('matches', () => {
  it('matches string prefixes, RegExps and functions, and never throws', () => {
    expect(matches(['https://api.example'], 'https://api.example/x')).toBe(true);
    expect(matches([/\/beacon$/], 'https://a.example/beacon')).toBe(true);
    expect(matches([(url) => url.includes('poll')], 'https://a.example/poll')).toBe(true);
    expect(
      matches(
        [
          () => {
            throw new Error('bad matcher');
          },
        ],
        'https://a.example/',
      ),
    ).toBe(false);
    expect(matches(['https://other.example'], 'https://api.example/x')).toBe(false);
  });
});
