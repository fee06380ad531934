import { describe, expect, it } from 'vitest';
import { sameSearch } from './ast.js';
import { SearchSyntaxError } from './errors.js';
import { parseSearch } from './parse.js';
import {
  addTerm,
  eqTerm,
  fromPills,
  negate,
  negateConjunct,
  removeConjunct,
  removeKey,
  toPills,
} from './pills.js';
import { printSearch } from './print.js';

const text = (filter: Parameters<typeof printSearch>[0]) => printSearch(filter);

describe('toPills', () => {
  const query = 'service:web  -env:prod "time out" (a OR b) NOT k:(x OR y)';
  const pills = toPills(parseSearch(query));

  it('makes one pill per top-level conjunct, with its canonical text standing alone', () => {
    expect(pills.map((pill) => pill.text)).toEqual([
      'service:web',
      '-env:prod',
      '"time out"',
      'a OR b',
      '-k:(x OR y)',
    ]);
  });

  it('flags exclusions and takes the NOT off the pill filter', () => {
    expect(pills.map((pill) => pill.negated)).toEqual([false, true, false, false, true]);
    expect(printSearch(pills[1]?.filter ?? null)).toBe('env:prod');
  });

  it('gives each pill the span of its conjunct in the typed text', () => {
    expect(pills.map((pill) => query.slice(pill.span.start, pill.span.end))).toEqual([
      'service:web',
      '-env:prod',
      '"time out"',
      '(a OR b)',
      'NOT k:(x OR y)',
    ]);
  });

  it('makes a single pill of a search that is not an AND', () => {
    expect(toPills(parseSearch('a OR b')).map((pill) => pill.text)).toEqual(['a OR b']);
    expect(toPills(parseSearch('-a'))).toMatchObject([{ negated: true, text: '-a' }]);
  });

  it('makes no pills of an empty search', () => {
    expect(toPills(null)).toEqual([]);
  });
});

describe('fromPills', () => {
  it('joins pills back into the same filter', () => {
    const filter = parseSearch('service:web -env:prod "time out" (a OR b)');
    expect(sameSearch(fromPills(toPills(filter)), filter)).toBe(true);
  });

  it('puts the NOT back on a pill flipped to exclude, and takes it off one flipped back', () => {
    const pills = toPills(parseSearch('service:web -env:prod'));
    const flipped = pills.map((pill) => ({ ...pill, negated: !pill.negated }));
    expect(text(fromPills(flipped))).toBe('-service:web env:prod');
  });

  it('is null for no pills', () => {
    expect(fromPills([])).toBeNull();
  });

  it('flattens a pill that is itself an AND', () => {
    const inner = parseSearch('a b');
    expect(
      fromPills([
        { filter: inner!, negated: false },
        { filter: parseSearch('c')!, negated: false },
      ]),
    ).toMatchObject({ type: 'and', children: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] });
  });

  it('returns spans that point into the printed text', () => {
    const result = fromPills(toPills(parseSearch('service:web    -env:prod')));
    const printed = printSearch(result);
    expect(printed).toBe('service:web -env:prod');
    expect(toPills(result).map((pill) => printed.slice(pill.span.start, pill.span.end))).toEqual([
      'service:web',
      '-env:prod',
    ]);
  });
});

describe('addTerm', () => {
  it('starts a search from nothing', () => {
    expect(text(addTerm(null, eqTerm('service', 'web')))).toBe('service:web');
  });

  it('appends a filter ("filter" on an attribute)', () => {
    expect(text(addTerm(parseSearch('timeout'), eqTerm('service', 'web')))).toBe(
      'timeout service:web',
    );
  });

  it('appends an exclusion ("reverse filter")', () => {
    expect(text(addTerm(parseSearch('timeout'), negate(eqTerm('env', 'prod'))))).toBe(
      'timeout -env:prod',
    );
  });

  it('changes nothing when the filter is already there', () => {
    expect(text(addTerm(parseSearch('service:web  timeout'), eqTerm('service', 'web')))).toBe(
      'service:web timeout',
    );
  });

  it('flips the opposite filter in place instead of contradicting it', () => {
    expect(text(addTerm(parseSearch('-service:web timeout'), eqTerm('service', 'web')))).toBe(
      'service:web timeout',
    );
    expect(
      text(addTerm(parseSearch('service:web timeout'), negate(eqTerm('service', 'web')))),
    ).toBe('-service:web timeout');
  });

  it('keeps an OR search together when adding to it', () => {
    expect(text(addTerm(parseSearch('a OR b'), eqTerm('k', 'v')))).toBe('(a OR b) k:v');
  });
});

describe('eqTerm', () => {
  it('quotes what needs quoting and reads numbers as parseSearch does', () => {
    expect(text(eqTerm('error_message', 'Script error. (x)'))).toBe(
      'error_message:"Script error. (x)"',
    );
    expect(text(eqTerm('k', 'a*'))).toBe('k:"a*"');
    expect(eqTerm('resource_status', 404)).toMatchObject({
      op: 'eq',
      value: { text: '404', number: 404 },
    });
    expect(eqTerm('duration', '2s')).toMatchObject({ value: { number: 2e9, unit: 's' } });
    expect(text(eqTerm('is_active', true))).toBe('is_active:true');
    expect(text(eqTerm('k', ''))).toBe('k:""');
  });

  it('refuses a key that cannot be written', () => {
    expect(() => eqTerm('a b', 'x')).toThrow(SearchSyntaxError);
    expect(() => eqTerm('', 'x')).toThrow(SearchSyntaxError);
    expect(() => eqTerm('@k', 'x')).toThrow(SearchSyntaxError);
  });
});

describe('conjunct edits', () => {
  const filter = parseSearch('service:web -env:prod timeout');

  it('removes a conjunct by index', () => {
    expect(text(removeConjunct(filter, 1))).toBe('service:web timeout');
    expect(removeConjunct(parseSearch('a'), 0)).toBeNull();
  });

  it('negates a conjunct by index, both ways', () => {
    expect(text(negateConjunct(filter, 0))).toBe('-service:web -env:prod timeout');
    expect(text(negateConjunct(filter, 1))).toBe('service:web env:prod timeout');
    expect(text(negateConjunct(parseSearch('a OR b'), 0))).toBe('NOT (a OR b)');
  });

  it('ignores an index out of range', () => {
    expect(text(removeConjunct(filter, 3))).toBe('service:web -env:prod timeout');
    expect(text(negateConjunct(filter, -1))).toBe('service:web -env:prod timeout');
    expect(removeConjunct(null, 0)).toBeNull();
  });

  it('removes every conjunct on one key, which with addTerm is "only this"', () => {
    const search = parseSearch(
      'service:web -service:api service:(a OR b) env:prod (service:x OR y)',
    );
    // The last conjunct mixes keys and stays.
    expect(text(removeKey(search, 'service'))).toBe('env:prod (service:x OR y)');
    const facets = parseSearch('service:web -service:api service:(a OR b) env:prod timeout');
    expect(text(addTerm(removeKey(facets, 'service'), eqTerm('service', 'checkout')))).toBe(
      'env:prod timeout service:checkout',
    );
  });
});
