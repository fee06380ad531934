import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Filter, type SearchValue, sameSearch, type TermFilter } from './ast.js';
import { SearchSyntaxError } from './errors.js';
import { parseSearch } from './parse.js';
import { printSearch } from './print.js';
import { readNumber } from './units.js';

const shape = (filter: Filter | null): unknown =>
  JSON.parse(JSON.stringify(filter, (k, v) => (k === 'span' || k === 'keySpan' ? undefined : v)));

describe('printSearch', () => {
  it('prints nothing for no filter', () => {
    expect(printSearch(null)).toBe('');
  });

  it.each([
    ['a   b', 'a b'],
    ['a AND b', 'a b'],
    ['a OR b c', 'a OR (b c)'],
    ['(a OR b) c', '(a OR b) c'],
    ['NOT a', '-a'],
    ['NOT (a b)', 'NOT (a b)'],
    ['NOT NOT a', 'NOT -a'],
    ['NOT (a OR b)', 'NOT (a OR b)'],
    ['"a  b" "c*"', '"a  b" "c*"'],
    ['"say \\"hi\\""', '"say \\"hi\\""'],
    ['a\\*b er*r', 'a\\*b er*r'],
    ['foo\\ bar 12\\:30', 'foo\\ bar 12\\:30'],
    ['\\AND \\-a', '\\AND \\-a'],
    ['service:web OR service:api', 'service:(web OR api)'],
    ['service:(web OR api AND admin)', 'service:(web OR (api admin))'],
    ['service:web service:api', 'service:web service:api'],
    ['-service:(a OR b)', '-service:(a OR b)'],
    ['k:(a OR NOT (b OR c))', 'k:(a OR NOT (b OR c))'],
    ['k:a OR j:b', 'k:a OR j:b'],
    ['k:(a) x', 'k:a x'],
    ['k:"a b" k:"ab" k:a\\ b', 'k:"a b" k:ab k:"a b"'],
    ['k:\\* k:\\>5 k:"[x]"', 'k:"*" k:">5" k:"[x]"'],
    ['k:AND k:(\\AND OR b)', 'k:AND k:("AND" OR b)'],
    ['k:-5 k:(\\-5 OR 1)', 'k:-5 k:("-5" OR 1)'],
    ['k:* -k:*', 'k:* -k:*'],
    ['@duration:>1.5s duration:<=200', 'duration:>1.5s duration:<=200'],
    ['k:[ 1  TO 2 ] k:{1 TO 2}', 'k:[1 TO 2] k:{1 TO 2}'],
    ['view_url:/a/* view_url:http://x', 'view_url:/a/* view_url:http://x'],
    ['k:a\\ b*', 'k:a\\ b*'],
    ['错误 error_message:"网络 错误"', '错误 error_message:"网络 错误"'],
  ])('prints %j as %j', (query, printed) => {
    expect(printSearch(parseSearch(query))).toBe(printed);
  });
});

// ---- generated filters -------------------------------------------------------------

const SPAN = { start: 0, end: 0 };
const KEYS = [
  'service',
  'duration',
  'drift',
  'resource_size',
  'k',
  'http.status-2',
  'é_clé',
  'NOT',
];
const key = fc.constantFrom(...KEYS);
// Pieces chosen to hit every escaping rule of the printer.
const PIECES = [
  ...'aZ1.-_ :*?\\"()<>=![]{}@/\t',
  'é',
  '🙂',
  '错',
  '\u00a0',
  'AND',
  'OR',
  'NOT',
  'TO',
  '-5',
  '1.5ms',
];
const literal = (minLength: number) =>
  fc.array(fc.constantFrom(...PIECES), { minLength, maxLength: 6 }).map((parts) => parts.join(''));
/** A glob with at least one wildcard and no leading `*`. */
const glob = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES).map((piece) => piece.replace(/[*?\\]/g, '\\$&')),
      fc.constantFrom('*', '?'),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .filter((parts) => parts[0] !== '*' && parts.some((part) => part === '*' || part === '?'))
  .map((parts) => parts.join(''));
const numberText = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.nat(100_000),
    fc.option(fc.nat(999)),
    fc.constantFrom('', 'ns', 'us', 'μs', 'µs', 'ms', 's', 'm', 'min', 'h'),
  )
  .map(
    ([sign, whole, fraction, unit]) =>
      `${sign}${whole}${fraction === null ? '' : `.${fraction}`}${unit}`,
  );

/** What parseSearch makes of a literal value of `k`. */
const literalOf = (k: string, text: string): SearchValue => {
  const reading = readNumber(k, text);
  return reading.ok ? reading.value : { text };
};
const numberOf = (k: string, text: string) => {
  const reading = readNumber(k, text);
  if (reading.ok) return reading.value;
  const bare = readNumber(k, text.replace(/\p{L}+$/u, '')); // a unit the field refuses
  if (!bare.ok) throw new Error(`not a number: ${text}`);
  return bare.value;
};

const termOf = (k: string): fc.Arbitrary<TermFilter> => {
  const base = { type: 'term', key: k, keySpan: SPAN, span: SPAN } as const;
  return fc.oneof(
    literal(0).map((text): TermFilter => ({ ...base, op: 'eq', value: literalOf(k, text) })),
    glob.map((text): TermFilter => ({ ...base, op: 'wildcard', value: { text } })),
    fc.constant<TermFilter>({ ...base, op: 'exists' }),
    fc
      .tuple(fc.constantFrom('gt', 'gte', 'lt', 'lte' as const), numberText)
      .map(([op, text]): TermFilter => ({ ...base, op, value: numberOf(k, text) })),
    fc.tuple(numberText, numberText, fc.boolean()).map(
      ([from, to, inclusive]): TermFilter => ({
        ...base,
        op: 'range',
        from: numberOf(k, from),
        to: numberOf(k, to),
        inclusive,
      }),
    ),
  );
};

const textOf = (value: string, phrase: boolean, wildcard: boolean): Filter => ({
  type: 'text',
  value,
  phrase,
  wildcard,
  span: SPAN,
});
const text = fc.oneof(
  literal(1).map((value) => textOf(value, false, false)),
  literal(1).map((value) => textOf(value, true, false)),
  glob.map((value) => textOf(value, false, true)),
);

/** `and`/`or` as the parser builds them: flattened. */
const combine = (type: 'and' | 'or', operands: Filter[]): Filter => ({
  type,
  children: operands.flatMap((operand) => (operand.type === type ? operand.children : [operand])),
  span: SPAN,
});
const not = (child: Filter): Filter => ({ type: 'not', child, span: SPAN });

/** An `or` of one key's values, which prints as `key:( … )`. */
const valueGroup = key.chain(
  (k) =>
    fc.letrec<{ value: Filter; and: Filter; or: Filter; not: Filter }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, termOf(k), tie('and'), tie('or'), tie('not')),
      and: fc.array(tie('value'), { minLength: 2, maxLength: 3 }).map((c) => combine('and', c)),
      or: fc.array(tie('value'), { minLength: 2, maxLength: 3 }).map((c) => combine('or', c)),
      not: tie('value').map(not),
    })).or,
);

const { filter } = fc.letrec<{ filter: Filter; and: Filter; or: Filter; not: Filter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small' },
    key.chain(termOf),
    text,
    valueGroup,
    tie('and'),
    tie('or'),
    tie('not'),
  ),
  and: fc.array(tie('filter'), { minLength: 2, maxLength: 4 }).map((c) => combine('and', c)),
  or: fc.array(tie('filter'), { minLength: 2, maxLength: 4 }).map((c) => combine('or', c)),
  not: tie('filter').map(not),
}));

describe('printing round trips', () => {
  it('parseSearch(printSearch(ast)) equals the ast, spans aside', () => {
    fc.assert(
      fc.property(filter, (ast) => {
        const back = parseSearch(printSearch(ast));
        expect(shape(back)).toEqual(shape(ast));
        expect(sameSearch(back, ast)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  const QUERY_PIECES = [
    ...'ab1 :-()"\\*?<>[]{}',
    'AND',
    'OR',
    'NOT',
    ' TO ',
    'k:',
    'j:',
    'duration:',
    '5ms',
  ];
  const queries = fc
    .array(fc.constantFrom(...QUERY_PIECES), { maxLength: 25 })
    .map((pieces) => pieces.join(''));

  it('the printed text of any query that parses is a fixed point', () => {
    let parsed = 0;
    fc.assert(
      fc.property(queries, (query) => {
        let ast: Filter | null;
        try {
          ast = parseSearch(query);
        } catch (error) {
          if (error instanceof SearchSyntaxError) return;
          throw error;
        }
        parsed++;
        const printed = printSearch(ast);
        const back = parseSearch(printed);
        expect(shape(back)).toEqual(shape(ast));
        expect(printSearch(back)).toBe(printed);
      }),
      { numRuns: 5000 },
    );
    // Guards the generator: most random queries are refused, but not all.
    expect(parsed).toBeGreaterThan(500);
  }, 60_000);
});
