import { describe, expect, it } from 'vitest';
import { parseSearch } from './parse.js';
import { printSearch } from './print.js';
import {
  completeForm,
  completeKey,
  completeValue,
  durationForms,
  isSearchableKey,
  rankMatches,
  type SuggestContext,
  suggestContext,
  suggestKeys,
  suggestKnownValues,
  valueText,
} from './suggest.js';

/** The context with the cursor where `|` is written. */
function at(marked: string): SuggestContext {
  const cursor = marked.indexOf('|');
  return suggestContext(marked.replace('|', ''), cursor);
}

function valueAt(marked: string) {
  const context = at(marked);
  if (context.kind !== 'value') throw new Error(`expected a value context, got ${context.kind}`);
  return context;
}

describe('suggestContext', () => {
  it('offers keys at the start of an empty search', () => {
    expect(suggestContext('', 0)).toEqual({
      kind: 'key',
      prefix: '',
      replace: { start: 0, end: 0 },
      negated: false,
    });
  });

  it('reads a bare word as a key being typed, replacing the whole word', () => {
    expect(at('serv|')).toEqual({
      kind: 'key',
      prefix: 'serv',
      replace: { start: 0, end: 4 },
      negated: false,
    });
    // Mid-word: the prefix stops at the cursor, the replacement takes the rest of the word.
    expect(at('service:web en|v')).toMatchObject({
      kind: 'key',
      prefix: 'en',
      replace: { start: 12, end: 15 },
    });
  });

  it('takes in the colon when the cursor is in the key of a written term', () => {
    expect(at('se|rvice:web')).toMatchObject({
      kind: 'key',
      prefix: 'se',
      replace: { start: 0, end: 8 },
    });
  });

  it('drops the @ of Datadog attribute syntax from the prefix but replaces it', () => {
    expect(at('@serv|')).toMatchObject({
      kind: 'key',
      prefix: 'serv',
      replace: { start: 0, end: 5 },
    });
  });

  it('knows a key after - or NOT is negated, and keeps the - out of the replacement', () => {
    expect(at('-serv|')).toMatchObject({
      kind: 'key',
      prefix: 'serv',
      replace: { start: 1, end: 5 },
      negated: true,
    });
    expect(at('-|')).toMatchObject({ kind: 'key', prefix: '', negated: true });
    expect(at('NOT serv|')).toMatchObject({ kind: 'key', prefix: 'serv', negated: true });
    expect(at('NOT a serv|')).toMatchObject({ kind: 'key', negated: false });
  });

  it('offers keys after an opening parenthesis and after a closed group', () => {
    expect(at('(a OR serv|')).toMatchObject({
      kind: 'key',
      prefix: 'serv',
      replace: { start: 6, end: 10 },
    });
    expect(at('(a OR b) |')).toMatchObject({ kind: 'key', prefix: '' });
    expect(at('NOT (env:pr|')).toMatchObject({ kind: 'value', key: 'env', prefix: 'pr' });
  });

  it('starts a new key after a space', () => {
    expect(at('service:web |')).toEqual({
      kind: 'key',
      prefix: '',
      replace: { start: 12, end: 12 },
      negated: false,
    });
  });

  it('offers values right after the colon, replacing the whole term', () => {
    expect(at('service:|')).toEqual({
      kind: 'value',
      key: 'service',
      prefix: '',
      raw: '',
      replace: { start: 0, end: 8 },
      group: false,
      quoted: false,
      negated: false,
    });
    expect(at('a service:we| b')).toMatchObject({
      kind: 'value',
      key: 'service',
      prefix: 'we',
      replace: { start: 2, end: 12 },
    });
    // The rest of the value after the cursor is replaced too.
    expect(valueAt('service:we|b').replace).toEqual({ start: 0, end: 11 });
  });

  it('reads the key without its @ and the value of a negated term', () => {
    expect(at('-@env:pr|')).toMatchObject({
      kind: 'value',
      key: 'env',
      prefix: 'pr',
      negated: true,
      replace: { start: 1, end: 8 },
    });
  });

  it('decodes quotes and escapes of the value typed so far', () => {
    expect(valueAt('browser:"Mobile Sa|')).toMatchObject({
      key: 'browser',
      prefix: 'Mobile Sa',
      raw: '"Mobile Sa',
      quoted: true,
      replace: { start: 0, end: 18 },
    });
    expect(valueAt('browser:"Mobile Sa|fari" x').replace).toEqual({ start: 0, end: 23 });
    expect(valueAt('k:a\\ b|').prefix).toBe('a b');
    expect(valueAt('k:"say \\"hi|').prefix).toBe('say "hi');
  });

  it('is past a quoted value once its quote is closed', () => {
    expect(at('browser:"Mobile Safari"|')).toMatchObject({ kind: 'key', prefix: '' });
    expect(at('browser:"Mobile Safari" |')).toMatchObject({ kind: 'key', prefix: '' });
  });

  it('keeps colons after the first in the value', () => {
    expect(valueAt('view_url:http://x|')).toMatchObject({ key: 'view_url', prefix: 'http://x' });
  });

  it('offers values of the key inside a value group, replacing only the value', () => {
    expect(valueAt('service:(web OR an|')).toMatchObject({
      key: 'service',
      prefix: 'an',
      group: true,
      replace: { start: 16, end: 18 },
    });
    expect(valueAt('service:(|')).toMatchObject({
      prefix: '',
      group: true,
      replace: { start: 9, end: 9 },
    });
    expect(valueAt('service:(a OR "b c|')).toMatchObject({
      prefix: 'b c',
      quoted: true,
      group: true,
    });
    expect(valueAt('service:(a OR -b|')).toMatchObject({ prefix: 'b', negated: true });
    // Once the group is closed, keys again.
    expect(at('service:(a OR b) |')).toMatchObject({ kind: 'key' });
  });

  it('offers comparisons as values of the key', () => {
    expect(valueAt('duration:>10|')).toMatchObject({ key: 'duration', prefix: '>10', raw: '>10' });
  });

  it('knows when the cursor is inside a range', () => {
    expect(at('duration:[1 TO 5|')).toEqual({
      kind: 'range',
      key: 'duration',
      raw: '[1 TO 5',
      replace: { start: 0, end: 16 },
      negated: false,
    });
    expect(at('duration:[1 TO 5] |')).toMatchObject({ kind: 'key' });
  });

  it('sees free text in phrases and in words that cannot be keys', () => {
    expect(at('"time o|')).toEqual({
      kind: 'text',
      prefix: 'time o',
      replace: { start: 0, end: 7 },
      negated: false,
    });
    expect(at('-"time o|ut"')).toMatchObject({
      kind: 'text',
      prefix: 'time o',
      negated: true,
      replace: { start: 1, end: 11 },
    });
    expect(at('/checkout|')).toMatchObject({ kind: 'text', prefix: '/checkout' });
    expect(at('12:3|')).toMatchObject({
      kind: 'text',
      prefix: '12:3',
      replace: { start: 0, end: 4 },
    });
    expect(at('12:30 serv|')).toMatchObject({ kind: 'key', prefix: 'serv' });
  });

  it('never throws on half-typed or broken text', () => {
    const broken = ['"', 'k:"', 'a) b', '((', 'k:[', 'k:(a', '\\', 'a:b:c', ':x', 'k:(a OR', '-)'];
    for (const text of broken) {
      for (let cursor = 0; cursor <= text.length; cursor++) {
        expect(() => suggestContext(text, cursor)).not.toThrow();
      }
    }
  });

  it('clamps a cursor outside the text', () => {
    expect(suggestContext('env', 99)).toMatchObject({ kind: 'key', prefix: 'env' });
    expect(suggestContext('env', -3)).toMatchObject({ kind: 'key', prefix: '' });
  });
});

describe('rankMatches', () => {
  it('puts prefix matches first, then word starts, then substrings, stable within each', () => {
    const names = ['view_url', 'url_path', 'resource_url', 'curl', 'urlish', 'other'];
    expect(rankMatches(names, 'url', (n) => n)).toEqual([
      'url_path',
      'urlish',
      'view_url',
      'resource_url',
      'curl',
    ]);
  });

  it('ignores case and keeps everything for an empty prefix', () => {
    expect(rankMatches(['Chrome', 'Safari'], 'ch', (n) => n)).toEqual(['Chrome']);
    expect(rankMatches(['b', 'a'], '', (n) => n)).toEqual(['b', 'a']);
  });
});

describe('suggestKeys', () => {
  it('offers the fields of the category with their description', () => {
    const keys = suggestKeys('brows', 'view');
    expect(keys[0]).toMatchObject({ key: 'browser', custom: false });
    expect(keys[0]?.description).toBeTruthy();
    expect(keys.map((k) => k.key)).toContain('browser_version');
  });

  it('leaves out fields of other categories', () => {
    expect(suggestKeys('resource_st', 'view').map((k) => k.key)).not.toContain('resource_status');
    expect(suggestKeys('resource_st', 'resource').map((k) => k.key)).toContain('resource_status');
  });

  it('puts custom keys after catalogue fields of the same tier, once each', () => {
    const keys = suggestKeys('ser', 'view', ['service', 'server_region', 'server_region']);
    const names = keys.map((k) => k.key);
    expect(names.filter((n) => n === 'service')).toHaveLength(1);
    expect(names.indexOf('server_region')).toBeGreaterThan(names.indexOf('service'));
    expect(keys.find((k) => k.key === 'server_region')).toEqual({
      key: 'server_region',
      custom: true,
    });
  });

  it('ranks substring matches after prefix matches', () => {
    const names = suggestKeys('url', 'view').map((k) => k.key);
    expect(names).toContain('view_url');
    expect(names.findIndex((n) => !n.startsWith('url'))).toBeGreaterThanOrEqual(
      names.filter((n) => n.startsWith('url')).length,
    );
  });

  it('does not offer the key already typed in full, and honours the limit', () => {
    expect(suggestKeys('env', 'view').map((k) => k.key)).not.toContain('env');
    expect(suggestKeys('', 'view', [], 5)).toHaveLength(5);
    expect(suggestKeys('@brows', 'view')[0]?.key).toBe('browser');
  });
});

describe('isSearchableKey', () => {
  it('accepts fields of the category and custom keys, refuses the rest', () => {
    expect(isSearchableKey('browser', 'view')).toBe(true);
    expect(isSearchableKey('resource_status', 'view')).toBe(false);
    expect(isSearchableKey('cart_id', 'view', ['cart_id'])).toBe(true);
    expect(isSearchableKey('cart_id', 'view')).toBe(false);
  });
});

describe('suggestKnownValues', () => {
  it("gives the catalogue's values of a field that match", () => {
    expect(suggestKnownValues('sdk_name', 'df_')[0]).toBe('df_web_rum_sdk');
    expect(suggestKnownValues('sdk_name', 'rumkit')).toEqual(['rumkit_web']);
    expect(suggestKnownValues('no_such_field', '')).toEqual([]);
  });
});

describe('durationForms', () => {
  it('offers common thresholds before anything is typed, all of which parse', () => {
    const forms = durationForms('');
    expect(forms).toContain('>100ms');
    for (const form of forms) expect(parseSearch(`duration:${form}`)).not.toBeNull();
  });

  it('completes a number with units, keeping the comparison typed', () => {
    expect(durationForms('>2')).toEqual(['>2ms', '>2s', '>2us', '>2min']);
    expect(durationForms('<=1.5')).toEqual(['<=1.5ms', '<=1.5s', '<=1.5us', '<=1.5min']);
    expect(durationForms('3')).toContain('>3s');
    expect(durationForms('>2m')).toEqual(['>2ms', '>2min']);
    expect(durationForms('<')).toEqual(['<100ms']);
  });

  it('offers nothing for text that cannot become a duration', () => {
    expect(durationForms('abc')).toEqual([]);
    expect(durationForms('>x')).toEqual([]);
  });
});

describe('completions', () => {
  it('puts key: in place of the word and the cursor after the colon', () => {
    const text = 'env:prod serv';
    expect(completeKey(text, at('env:prod serv|'), 'service')).toEqual({
      text: 'env:prod service:',
      cursor: 17,
    });
    // A written colon is not doubled.
    expect(completeKey('se:web', at('se|:web'), 'service').text).toBe('service:web');
    // The - of an exclusion stays.
    expect(completeKey('-serv', at('-serv|'), 'service').text).toBe('-service:');
  });

  it('writes the whole term with the value quoted when it needs to be', () => {
    const context = valueAt('env:prod browser:Mob|');
    const done = completeValue('env:prod browser:Mob', context, 'Mobile Safari');
    expect(done.text).toBe('env:prod browser:"Mobile Safari" ');
    expect(done.cursor).toBe(done.text.length);
    expect(printSearch(parseSearch(done.text))).toBe('env:prod browser:"Mobile Safari"');
  });

  it('quotes what would otherwise be read as a wildcard or an operator', () => {
    for (const value of ['a*b', '>3', 'x y', 'say "hi"', '', '[x']) {
      const done = completeValue('k:', valueAt('k:|'), value);
      const term = parseSearch(done.text);
      expect(term).toMatchObject({ type: 'term', op: 'eq', value: { text: value } });
    }
  });

  it('does not add a space before a closing parenthesis or an existing one', () => {
    expect(completeValue('k:a x', valueAt('k:a| x'), 'abc').text).toBe('k:abc x');
    expect(completeValue('(k:a)', valueAt('(k:a|)'), 'abc').text).toBe('(k:abc)');
  });

  it('writes a bare value inside a value group, quoted when a bare word would read otherwise', () => {
    expect(completeValue('k:(a OR b', valueAt('k:(a OR b|'), 'beta').text).toBe('k:(a OR beta ');
    for (const value of ['OR', '-x', 'x y', 'a*']) {
      const done = completeValue('k:(a OR b)', valueAt('k:(a OR b|)'), value);
      const filter = parseSearch(done.text);
      expect(filter?.type).toBe('or');
      if (filter?.type !== 'or') continue;
      expect(filter.children[1]).toMatchObject({ op: 'eq', value: { text: value } });
    }
  });

  it('writes values of numeric fields so they parse as numbers', () => {
    expect(valueText('resource_status', 404, false)).toBe('resource_status:404');
    expect(valueText('is_active', true, false)).toBe('is_active:true');
  });

  it('puts a form such as >100ms in place of the term', () => {
    const done = completeForm('duration:>1', valueAt('duration:>1|'), '>1s');
    expect(done.text).toBe('duration:>1s ');
    expect(parseSearch(done.text)).toMatchObject({ op: 'gt', value: { number: 1e9 } });
    expect(completeForm('duration:(>1', valueAt('duration:(>1|'), '>1s').text).toBe(
      'duration:(>1s ',
    );
  });
});
