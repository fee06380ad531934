import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeKey,
  escapeMeasurement,
  quoteString,
  unescapeKey,
  unescapeString,
} from './escape.js';

describe('escaping', () => {
  it('escapes what would end a name and leaves other characters alone', () => {
    expect(escapeKey('a b,c=d"e')).toBe('a\\ b\\,c\\=d\\"e');
    expect(escapeMeasurement('a b,c=d"e')).toBe('a\\ b\\,c=d"e');
    expect(escapeKey('plain_key.1')).toBe('plain_key.1');
    expect(escapeKey('tab\there, 😀')).toBe('tab\there\\,\\ 😀');
  });

  it('quotes strings with only backslashes and double quotes escaped', () => {
    expect(quoteString('say "hi"\n\\')).toBe('"say \\"hi\\"\n\\\\"');
    expect(unescapeString('say \\"hi\\"\n\\\\ \\t')).toBe('say "hi"\n\\ \\t');
  });

  it('undoes its own escaping of long text full of escapes', () => {
    const unit = fc.constantFrom('\\', '"', ' ', ',', '=', 'a', '\n');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 200, maxLength: 600 }), (text) => {
        expect(unescapeKey(escapeKey(text))).toBe(text);
        expect(unescapeString(quoteString(text).slice(1, -1))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('undoes its own escaping for every string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(unescapeKey(escapeKey(text))).toBe(text);
        expect(unescapeKey(escapeMeasurement(text))).toBe(text);
        expect(unescapeString(quoteString(text).slice(1, -1))).toBe(text);
      }),
    );
  });
});
