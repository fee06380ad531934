import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SearchErrorCode, SearchSyntaxError } from './errors.js';
import { MAX_DEPTH, parseSearch } from './parse.js';

const failure = (query: string): SearchSyntaxError => {
  try {
    parseSearch(query);
  } catch (error) {
    if (error instanceof SearchSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be refused`);
};

// [query, code, message, position, length]
const CASES: [string, SearchErrorCode, string, number, number][] = [
  // quotes
  ['"abc', 'unclosed_quote', 'unclosed quote opened at 0', 0, 1],
  ['a "b\\"', 'unclosed_quote', 'unclosed quote opened at 2', 2, 1],
  ['""', 'empty_phrase', 'empty phrase', 0, 2],
  [
    'foo"bar"',
    'unexpected_character',
    'unexpected quote inside a word; escape it as \\" or quote the whole text',
    3,
    1,
  ],
  ['"a"b', 'unexpected_character', 'expected a space after the closing quote', 3, 1],
  ['k:"a"b', 'unexpected_character', 'expected a space after the closing quote', 5, 1],
  // parentheses
  ['(a OR b', 'unclosed_parenthesis', 'unclosed parenthesis opened at 0', 0, 1],
  ['x (a (b) c', 'unclosed_parenthesis', 'unclosed parenthesis opened at 2', 2, 1],
  ['k:(a', 'unclosed_parenthesis', 'unclosed parenthesis opened at 2', 2, 1],
  ['a OR b)', 'unmatched_parenthesis', 'unmatched closing parenthesis', 6, 1],
  [') a', 'unmatched_parenthesis', 'unmatched closing parenthesis', 0, 1],
  ['()', 'empty_parentheses', 'empty parentheses', 0, 2],
  ['a ( )', 'empty_parentheses', 'empty parentheses', 2, 3],
  ['k:()', 'empty_parentheses', 'empty parentheses', 2, 2],
  [
    'foo(bar)',
    'unexpected_character',
    'unexpected "(" inside a word; escape it as \\( or quote the whole text',
    3,
    1,
  ],
  // operators
  ['AND a', 'missing_term', 'expected a term before "AND"', 0, 3],
  ['OR', 'missing_term', 'expected a term before "OR"', 0, 2],
  ['a (OR b)', 'missing_term', 'expected a term before "OR"', 3, 2],
  ['a AND', 'missing_term', 'expected a term after "AND"', 2, 3],
  ['a OR OR b', 'missing_term', 'expected a term after "OR"', 2, 2],
  ['(a OR)', 'missing_term', 'expected a term after "OR"', 3, 2],
  ['a AND )', 'missing_term', 'expected a term after "AND"', 2, 3],
  ['NOT', 'missing_term', 'expected a term after "NOT"', 0, 3],
  ['a -', 'missing_term', 'expected a term after "-"', 2, 1],
  ['a - b', 'missing_term', 'expected a term after "-"', 2, 1],
  ['(a -)', 'missing_term', 'expected a term after "-"', 3, 1],
  // keys and values
  ['service:', 'missing_value', 'expected a value after "service:"', 0, 8],
  ['service: web', 'missing_value', 'expected a value after "service:"', 0, 8],
  ['(service:)', 'missing_value', 'expected a value after "service:"', 1, 8],
  ['a @k:', 'missing_value', 'expected a value after "@k:"', 2, 3],
  [
    '12:30',
    'invalid_key',
    '"12" is not a valid key; to search for the text, quote it or escape the ":"',
    0,
    2,
  ],
  [
    'a\\ b:c',
    'invalid_key',
    '"a\\ b" is not a valid key; to search for the text, quote it or escape the ":"',
    0,
    4,
  ],
  [':foo', 'invalid_key', 'expected a key before ":"', 0, 1],
  ['a\\', 'dangling_escape', 'a backslash at the end escapes nothing', 1, 1],
  ['k:a\\', 'dangling_escape', 'a backslash at the end escapes nothing', 3, 1],
  // wildcards
  ['*rror', 'leading_wildcard', 'leading wildcard is not allowed', 0, 1],
  ['k:*foo', 'leading_wildcard', 'leading wildcard is not allowed', 2, 1],
  ['-*a', 'leading_wildcard', 'leading wildcard is not allowed', 1, 1],
  ['k:(a OR *b)', 'leading_wildcard', 'leading wildcard is not allowed', 8, 1],
  ['k:**', 'leading_wildcard', 'leading wildcard is not allowed', 2, 1],
  // comparisons
  ['k:>>5', 'unknown_operator', 'unknown operator ">>"', 2, 2],
  ['k:!=5', 'unknown_operator', 'unknown operator "!=" (write -key:value to exclude)', 2, 2],
  ['k:!x', 'unknown_operator', 'unknown operator "!" (write -key:value to exclude)', 2, 1],
  ['k:=5', 'unknown_operator', 'unknown operator "="', 2, 1],
  ['k:<>5', 'unknown_operator', 'unknown operator "<>"', 2, 2],
  ['k:=>5', 'unknown_operator', 'unknown operator "=>"', 2, 2],
  ['k:>', 'expected_number', 'expected a number after ">"', 2, 1],
  ['k:(>)', 'expected_number', 'expected a number after ">"', 3, 1],
  ['k:>abc', 'expected_number', 'expected a number after ">", got "abc"', 3, 3],
  ['k:<=1.2.3', 'expected_number', 'expected a number after "<=", got "1.2.3"', 4, 5],
  // units
  [
    'duration:>5kb',
    'unknown_unit',
    'unknown unit "kb"; use one of ns, us, μs, µs, ms, s, m, min, h',
    10,
    3,
  ],
  [
    'resource_size:>2ms',
    'unit_not_allowed',
    '"resource_size" is not a duration, so it takes no unit "ms"',
    15,
    3,
  ],
  ['env:[1s TO 2s]', 'unit_not_allowed', '"env" is not a duration, so it takes no unit "s"', 5, 2],
  // ranges
  ['k:[1 TO 2', 'unclosed_range', 'unclosed range opened at 2', 2, 1],
  ['k:[1', 'unclosed_range', 'unclosed range opened at 2', 2, 1],
  ['k:[1 2]', 'bad_range', 'expected "TO" after the start of the range', 5, 1],
  ['k:[1 to 2]', 'bad_range', 'expected "TO" after the start of the range', 5, 2],
  ['k:[1 TO ]', 'bad_range', 'expected a number after "TO"', 8, 1],
  ['k:[]', 'bad_range', 'expected a number after "["', 3, 1],
  ['k:[1 TO 2}', 'bad_range', 'expected "]" to close the range opened at 2', 9, 1],
  ['k:{1 TO 2]', 'bad_range', 'expected "}" to close the range opened at 2', 9, 1],
  ['k:[1 TO 2 3]', 'bad_range', 'expected "]" to close the range opened at 2', 10, 1],
  ['k:[a TO 2]', 'expected_number', 'expected a number after "[", got "a"', 3, 1],
  ['k:{a TO 2}', 'expected_number', 'expected a number after "{", got "a"', 3, 1],
  ['k:[1 TO b]', 'expected_number', 'expected a number after "TO", got "b"', 8, 1],
  ['k:[1 TO 2]x', 'unexpected_character', 'expected a space after the range', 10, 1],
];

describe('syntax errors', () => {
  it.each(CASES)('%j is refused: %s', (query, code, message, position, length) => {
    const error = failure(query);
    expect({
      code: error.code,
      message: error.message,
      position: error.position,
      length: error.length,
    }).toEqual({ code, message, position, length });
  });

  it('are Errors named SearchSyntaxError', () => {
    const error = failure('(');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SearchSyntaxError');
  });

  it(`refuse nesting deeper than ${MAX_DEPTH} levels rather than overflowing the stack`, () => {
    const nested = (depth: number) => `${'('.repeat(depth)}a${')'.repeat(depth)}`;
    expect(parseSearch(nested(MAX_DEPTH))).toMatchObject({ type: 'text' });
    expect(failure(nested(MAX_DEPTH + 1))).toMatchObject({
      code: 'too_deep',
      position: MAX_DEPTH,
      length: 1,
    });
    expect(failure(`${'NOT '.repeat(5000)}a`).code).toBe('too_deep');
    expect(failure(`${'-'.repeat(100_000)}a`).code).toBe('too_deep');
    expect(failure(`k:${'('.repeat(5000)}`).code).toBe('too_deep');
  });

  it('handle long flat queries without recursion trouble', () => {
    const query = Array.from({ length: 5_000 }, (_, i) => `k${i}:v OR t${i}`).join(' ');
    expect(parseSearch(query)).toMatchObject({ type: 'or' });
  });
});

// Characters that matter to the grammar, plus some that do not.
const QUERY_PIECES = [
  ...'ab1 :-()"\\*?<>=![]{}@._\t\n',
  'AND',
  'OR',
  'NOT',
  'TO',
  ' TO ',
  'k:',
  'duration:',
  '5ms',
  '错',
  '🙂',
  '\u00a0',
  '\ud800',
];
const queries = fc
  .array(fc.constantFrom(...QUERY_PIECES), { maxLength: 30 })
  .map((pieces) => pieces.join(''));

/** Runs parseSearch and reports anything but a well-formed SearchSyntaxError. */
function refusesCleanly(query: string): void {
  try {
    parseSearch(query);
  } catch (error) {
    expect(error).toBeInstanceOf(SearchSyntaxError);
    const { position, length } = error as SearchSyntaxError;
    expect(Number.isInteger(position) && Number.isInteger(length)).toBe(true);
    expect(position).toBeGreaterThanOrEqual(0);
    expect(position + length).toBeLessThanOrEqual(query.length);
  }
}

describe('any input', () => {
  it('either parses or throws a SearchSyntaxError that points inside the text', () => {
    fc.assert(fc.property(queries, refusesCleanly), { numRuns: 3000 });
  }, 60_000);

  it('holds for arbitrary strings, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), refusesCleanly), {
      numRuns: 1000,
    });
  }, 60_000);
});
