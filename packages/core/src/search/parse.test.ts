import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Filter, Span } from './ast.js';
import { SearchSyntaxError } from './errors.js';
import { parseSearch } from './parse.js';

/** The AST without spans, for comparing shapes. */
const shape = (filter: Filter | null): unknown =>
  JSON.parse(JSON.stringify(filter, (k, v) => (k === 'span' || k === 'keySpan' ? undefined : v)));
const parsed = (query: string) => shape(parseSearch(query));

const text = (value: string, more: { phrase?: boolean; wildcard?: boolean } = {}) => ({
  type: 'text',
  value,
  phrase: more.phrase ?? false,
  wildcard: more.wildcard ?? false,
});
const eq = (key: string, value: string, number?: number) => ({
  type: 'term',
  key,
  op: 'eq',
  value: number === undefined ? { text: value } : { text: value, number },
});
const and = (...children: unknown[]) => ({ type: 'and', children });
const or = (...children: unknown[]) => ({ type: 'or', children });
const not = (child: unknown) => ({ type: 'not', child });

describe('an empty search', () => {
  it('is null, whitespace included', () => {
    expect(parseSearch('')).toBeNull();
    expect(parseSearch('  \t\n\u00a0 ')).toBeNull();
  });
});

describe('free text', () => {
  it('reads a word as a text term', () => {
    expect(parsed('timeout')).toEqual(text('timeout'));
  });

  it('reads a quoted phrase, with escaped quotes and backslashes', () => {
    expect(parsed('"say \\"hi\\" \\\\ now"')).toEqual(text('say "hi" \\ now', { phrase: true }));
  });

  it('keeps * and ? as wildcards in a word, as a glob', () => {
    expect(parsed('err*r?')).toEqual(text('err*r?', { wildcard: true }));
    expect(parsed('?rror')).toEqual(text('?rror', { wildcard: true }));
  });

  it('makes escaped wildcards literal, and keeps them escaped in a glob', () => {
    expect(parsed('a\\*b')).toEqual(text('a*b'));
    expect(parsed('a\\*b*')).toEqual(text('a\\*b*', { wildcard: true }));
    expect(parsed('a\\\\b*')).toEqual(text('a\\\\b*', { wildcard: true }));
  });

  it('treats wildcards in a phrase as literal', () => {
    expect(parsed('"a*b?"')).toEqual(text('a*b?', { phrase: true }));
  });

  it('unescapes spaces, colons, parentheses and keywords in a word', () => {
    expect(parsed('foo\\ bar')).toEqual(text('foo bar'));
    expect(parsed('12\\:30')).toEqual(text('12:30'));
    expect(parsed('f\\(x\\)')).toEqual(text('f(x)'));
    expect(parsed('\\AND')).toEqual(text('AND'));
    expect(parsed('\\-1')).toEqual(text('-1'));
  });

  it('reads unicode text, words and phrases', () => {
    expect(parsed('错误 "ошибка сети" café 🙂*')).toEqual(
      and(
        text('错误'),
        text('ошибка сети', { phrase: true }),
        text('café'),
        text('🙂*', { wildcard: true }),
      ),
    );
  });

  it('only knows uppercase keywords; lowercase ones are words', () => {
    expect(parsed('a and b or not c')).toEqual(
      and(text('a'), text('and'), text('b'), text('or'), text('not'), text('c')),
    );
  });

  it('keeps dashes and other punctuation inside a word', () => {
    expect(parsed('foo-bar /api/v1?x=1&y')).toEqual(
      and(text('foo-bar'), text('/api/v1?x=1&y', { wildcard: true })),
    );
  });
});

describe('boolean operators', () => {
  it('joins terms separated by spaces with AND, flattened', () => {
    expect(parsed('a b c')).toEqual(and(text('a'), text('b'), text('c')));
    expect(parsed('a AND b c')).toEqual(parsed('a b c'));
  });

  it('binds AND tighter than OR: a OR b c is a OR (b AND c)', () => {
    expect(parsed('a OR b c')).toEqual(or(text('a'), and(text('b'), text('c'))));
    expect(parsed('a OR b c')).toEqual(parsed('a OR (b AND c)'));
    expect(parsed('a b OR c')).toEqual(or(and(text('a'), text('b')), text('c')));
  });

  it('binds NOT tighter than AND and OR', () => {
    expect(parsed('NOT a b')).toEqual(and(not(text('a')), text('b')));
    expect(parsed('NOT a OR b')).toEqual(or(not(text('a')), text('b')));
    expect(parsed('a AND NOT b OR c')).toEqual(or(and(text('a'), not(text('b'))), text('c')));
  });

  it('reads a leading dash as NOT, on words, phrases, filters and groups', () => {
    expect(parsed('-a')).toEqual(not(text('a')));
    expect(parsed('-"a b"')).toEqual(not(text('a b', { phrase: true })));
    expect(parsed('-env:prod')).toEqual(not(eq('env', 'prod')));
    expect(parsed('-(a OR b)')).toEqual(not(or(text('a'), text('b'))));
    expect(parsed('x -y')).toEqual(and(text('x'), not(text('y'))));
  });

  it('keeps double negations as written', () => {
    expect(parsed('NOT NOT a')).toEqual(not(not(text('a'))));
    expect(parsed('--a')).toEqual(not(not(text('a'))));
    expect(parsed('NOT -a')).toEqual(not(not(text('a'))));
  });

  it('lets parentheses override precedence', () => {
    expect(parsed('(a OR b) c')).toEqual(and(or(text('a'), text('b')), text('c')));
    expect(parsed('a (b OR c) d')).toEqual(and(text('a'), or(text('b'), text('c')), text('d')));
  });

  it('flattens nested groups of the same operator and drops redundant parentheses', () => {
    expect(parsed('a OR (b OR c)')).toEqual(or(text('a'), text('b'), text('c')));
    expect(parsed('(a b) (c d)')).toEqual(and(text('a'), text('b'), text('c'), text('d')));
    expect(parsed('((a))')).toEqual(text('a'));
  });

  it('accepts operators glued to parentheses', () => {
    expect(parsed('(a)OR(b)')).toEqual(or(text('a'), text('b')));
    expect(parsed('(a)(b)')).toEqual(and(text('a'), text('b')));
    expect(parsed('NOT(a)')).toEqual(not(text('a')));
  });
});

describe('filters', () => {
  it('key:value is equality', () => {
    expect(parsed('service:checkout')).toEqual(eq('service', 'checkout'));
  });

  it('-key:value is its negation', () => {
    expect(parsed('-service:checkout')).toEqual(not(eq('service', 'checkout')));
    expect(parsed('NOT service:checkout')).toEqual(not(eq('service', 'checkout')));
  });

  it('key:val* is a wildcard match, with the value as a glob', () => {
    expect(parsed('view_url:/api/*')).toEqual({
      type: 'term',
      key: 'view_url',
      op: 'wildcard',
      value: { text: '/api/*' },
    });
    expect(parsed('k:a\\*b?')).toMatchObject({ op: 'wildcard', value: { text: 'a\\*b?' } });
  });

  it('key:* is existence, and -key:* its absence', () => {
    expect(parsed('user_id:*')).toEqual({ type: 'term', key: 'user_id', op: 'exists' });
    expect(parsed('-user_id:*')).toEqual(not({ type: 'term', key: 'user_id', op: 'exists' }));
  });

  it.each([
    ['>', 'gt'],
    ['>=', 'gte'],
    ['<', 'lt'],
    ['<=', 'lte'],
  ])('key:%sn is a numeric comparison', (written, op) => {
    expect(parsed(`resource_status:${written}404`)).toEqual({
      type: 'term',
      key: 'resource_status',
      op,
      value: { text: '404', number: 404 },
    });
  });

  it('reads negative, decimal and exponent numbers', () => {
    expect(parsed('k:>-1.5')).toMatchObject({ value: { text: '-1.5', number: -1.5 } });
    expect(parsed('k:<.5')).toMatchObject({ value: { number: 0.5 } });
    expect(parsed('k:<=1e3')).toMatchObject({ value: { number: 1000 } });
    expect(parsed('k:>+2')).toMatchObject({ value: { number: 2 } });
  });

  it('key:[a TO b] is an inclusive range and key:{a TO b} an exclusive one', () => {
    expect(parsed('view_apdex_level:[1 TO 3]')).toEqual({
      type: 'term',
      key: 'view_apdex_level',
      op: 'range',
      from: { text: '1', number: 1 },
      to: { text: '3', number: 3 },
      inclusive: true,
    });
    expect(parsed('k:{ 1   TO 3 }')).toMatchObject({ op: 'range', inclusive: false });
  });

  it('key:(v1 OR v2 AND v3) spreads the key over a value combination', () => {
    expect(parsed('service:(web OR api AND admin)')).toEqual(
      or(eq('service', 'web'), and(eq('service', 'api'), eq('service', 'admin'))),
    );
  });

  it('allows negations, nesting, quotes, comparisons, ranges and * inside a value group', () => {
    expect(parsed('k:(a OR (b -c) OR "d e" OR >5 OR [1 TO 2] OR * OR x*)')).toEqual(
      or(
        eq('k', 'a'),
        and(eq('k', 'b'), not(eq('k', 'c'))),
        eq('k', 'd e'),
        { type: 'term', key: 'k', op: 'gt', value: { text: '5', number: 5 } },
        {
          type: 'term',
          key: 'k',
          op: 'range',
          from: { text: '1', number: 1 },
          to: { text: '2', number: 2 },
          inclusive: true,
        },
        { type: 'term', key: 'k', op: 'exists' },
        { type: 'term', key: 'k', op: 'wildcard', value: { text: 'x*' } },
      ),
    );
  });

  it('reads colons inside a value group as part of the value', () => {
    expect(parsed('k:(a:b OR c)')).toEqual(or(eq('k', 'a:b'), eq('k', 'c')));
  });

  it('reads a one-value group as a plain term', () => {
    expect(parsed('k:(a)')).toEqual(eq('k', 'a'));
  });

  it('reads quoted values literally, spaces, wildcards and all', () => {
    expect(parsed('error_message:"Script error."')).toEqual(eq('error_message', 'Script error.'));
    expect(parsed('k:"a*"')).toEqual(eq('k', 'a*'));
    expect(parsed('k:"say \\"hi\\""')).toEqual(eq('k', 'say "hi"'));
    expect(parsed('k:""')).toEqual(eq('k', ''));
  });

  it('unescapes a bare value', () => {
    expect(parsed('k:a\\ b\\(c\\)')).toEqual(eq('k', 'a b(c)'));
    expect(parsed('k:\\>5')).toEqual(eq('k', '>5'));
    expect(parsed('k:\\*')).toEqual(eq('k', '*'));
  });

  it('keeps colons after the first one in the value', () => {
    expect(parsed('view_url:http://a.b/c')).toEqual(eq('view_url', 'http://a.b/c'));
  });

  it('treats ? in an unquoted URL as a wildcard, so URLs with queries want quotes', () => {
    expect(parsed('view_url:/a?b=1')).toMatchObject({ op: 'wildcard' });
    expect(parsed('view_url:"/a?b=1"')).toEqual(eq('view_url', '/a?b=1'));
  });

  it('reads keywords right after key: as values', () => {
    expect(parsed('k:AND')).toEqual(eq('k', 'AND'));
    expect(parsed('k:(\\AND OR "OR")')).toEqual(or(eq('k', 'AND'), eq('k', 'OR')));
  });

  it('reads a dash right after key: as part of the value', () => {
    expect(parsed('k:-5')).toEqual(eq('k', '-5', -5));
    expect(parsed('k:-x')).toEqual(eq('k', '-x'));
  });

  it('gives equality values a number when they read as one', () => {
    expect(parsed('resource_status:404')).toEqual(eq('resource_status', '404', 404));
    expect(parsed('version:1.0')).toEqual(eq('version', '1.0', 1));
    expect(parsed('k:"7"')).toEqual(eq('k', '7', 7));
    expect(parsed('k:0x10')).toEqual(eq('k', '0x10'));
  });

  it('accepts dotted, dashed, digit and unicode keys', () => {
    expect(parsed('http.status_code-2:x')).toEqual(eq('http.status_code-2', 'x'));
    expect(parsed('_k9:x')).toEqual(eq('_k9', 'x'));
    expect(parsed('用户:张三')).toEqual(eq('用户', '张三'));
  });

  it('drops a Datadog-style @ before a key', () => {
    expect(parsed('@duration:>1s')).toEqual(parsed('duration:>1s'));
  });

  it('reads a key that looks like a keyword as a key', () => {
    expect(parsed('NOT:x')).toEqual(eq('NOT', 'x'));
  });

  it('mixes filters and text', () => {
    expect(parsed('timeout service:web OR -env:prod')).toEqual(
      or(and(text('timeout'), eq('service', 'web')), not(eq('env', 'prod'))),
    );
  });
});

describe('durations', () => {
  const gt = (query: string) => (parseSearch(query) as { value: unknown }).value;

  it.each([
    ['200ns', 200, 'ns'],
    ['200us', 200_000, 'us'],
    ['200μs', 200_000, 'us'],
    ['200µs', 200_000, 'us'],
    ['200ms', 200_000_000, 'ms'],
    ['2s', 2_000_000_000, 's'],
    ['2m', 120_000_000_000, 'min'],
    ['2min', 120_000_000_000, 'min'],
    ['1h', 3_600_000_000_000, 'h'],
  ])('converts %s on an ns field to ns', (written, number, unit) => {
    expect(gt(`duration:>${written}`)).toEqual({ text: written, number, unit });
  });

  it('reads a bare number on an ns field as ns, the field unit', () => {
    expect(gt('duration:>200')).toEqual({ text: '200', number: 200 });
  });

  it('converts decimals without floating-point noise', () => {
    expect(gt('duration:>1.1ms')).toMatchObject({ number: 1_100_000 });
    expect(gt('duration:>0.3s')).toMatchObject({ number: 300_000_000 });
    expect(gt('duration:>1.5min')).toMatchObject({ number: 90_000_000_000 });
  });

  it('converts to ms on an ms field', () => {
    expect(gt('drift:>1s')).toMatchObject({ number: 1000 });
    expect(gt('drift:>500us')).toMatchObject({ number: 0.5 });
    expect(gt('drift:>5')).toMatchObject({ number: 5 });
  });

  it('converts a duration on a custom key to ns, the house unit', () => {
    expect(gt('my_timing:>2s')).toMatchObject({ number: 2_000_000_000, unit: 's' });
  });

  it('converts both ends of a range', () => {
    expect(parsed('loading_time:[1s TO 3s]')).toMatchObject({
      from: { text: '1s', number: 1e9, unit: 's' },
      to: { text: '3s', number: 3e9, unit: 's' },
    });
  });

  it('converts an equality value on a duration field', () => {
    expect(parsed('duration:1s')).toMatchObject({
      op: 'eq',
      value: { text: '1s', number: 1e9, unit: 's' },
    });
  });

  it('leaves a unit-looking value on a non-duration field as text', () => {
    expect(parsed('env:1s')).toEqual(eq('env', '1s'));
    expect(parsed('duration:5kb')).toEqual(eq('duration', '5kb'));
  });
});

describe('spans', () => {
  const q = '-service:web AND duration:>1s';
  const f = parseSearch(q);

  it('cover each node and each key in the text', () => {
    expect(f).toMatchObject({
      type: 'and',
      span: { start: 0, end: q.length },
      children: [
        {
          type: 'not',
          span: { start: 0, end: 12 },
          child: { span: { start: 1, end: 12 }, keySpan: { start: 1, end: 8 } },
        },
        { span: { start: 17, end: 29 }, keySpan: { start: 17, end: 25 } },
      ],
    });
  });

  it('take in the parentheses around a group', () => {
    const g = '(a OR b) c';
    const filter = parseSearch(g);
    expect(filter).toMatchObject({
      span: { start: 0, end: 10 },
      children: [{ span: { start: 0, end: 8 } }, { span: { start: 9, end: 10 } }],
    });
    expect(parseSearch('((a))')?.span).toEqual({ start: 0, end: 5 });
  });

  it('inside a value group are the values, all sharing the key span', () => {
    const g = 'service:(web OR "a b")';
    expect(parseSearch(g)).toMatchObject({
      span: { start: 0, end: g.length },
      children: [
        { span: { start: 9, end: 12 }, keySpan: { start: 0, end: 7 } },
        { span: { start: 16, end: 21 }, keySpan: { start: 0, end: 7 } },
      ],
    });
    expect(parseSearch('k:(a)')?.span).toEqual({ start: 0, end: 5 });
  });

  it('include the @ of a key', () => {
    expect(parseSearch('@duration:>1')).toMatchObject({ keySpan: { start: 0, end: 9 } });
  });

  it('count UTF-16 units, as JavaScript strings do', () => {
    const g = '🙂 错:x';
    expect(parseSearch(g)).toMatchObject({
      children: [
        { span: { start: 0, end: 2 } },
        { span: { start: 3, end: 6 }, keySpan: { start: 3, end: 4 } },
      ],
    });
  });
});

/** Every span inside its parent's, siblings in order, every key span spelling its key. */
function checkSpans(filter: Filter, query: string, outer: Span): void {
  const { start, end } = filter.span;
  expect(start >= outer.start && end <= outer.end && start < end).toBe(true);
  switch (filter.type) {
    case 'and':
    case 'or':
      filter.children.forEach((child, i) => {
        checkSpans(child, query, filter.span);
        const next = filter.children[i + 1];
        if (next) expect(child.span.end).toBeLessThanOrEqual(next.span.start);
      });
      break;
    case 'not':
      checkSpans(filter.child, query, filter.span);
      break;
    case 'term':
      expect(query.slice(filter.keySpan.start, filter.keySpan.end).replace(/^@/, '')).toBe(
        filter.key,
      );
      break;
  }
}

describe('spans of any query that parses', () => {
  const PIECES = [...'ab1 :-()"\\*?<>[]{}@', 'AND', 'OR', 'NOT', ' TO ', 'k:', 'j:', '错', '🙂'];
  const queries = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((p) => p.join(''));

  it('nest, stay in order and point at the keys', () => {
    fc.assert(
      fc.property(queries, (query) => {
        let filter: Filter | null;
        try {
          filter = parseSearch(query);
        } catch (error) {
          if (error instanceof SearchSyntaxError) return;
          throw error;
        }
        if (filter) checkSpans(filter, query, { start: 0, end: query.length });
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
