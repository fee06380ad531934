import { describe, expect, it } from 'vitest';
import type { Category, TypedValue } from '../schema/index.js';
import { parseSearch } from '../search/index.js';
import {
  compareText,
  compareValues,
  compileFilter,
  doubleText,
  type EvalRecord,
  fieldOf,
  tryDouble,
} from './memory-eval.js';

const MS = 1e6;
const record = (
  values: Record<string, TypedValue>,
  custom: Record<string, TypedValue> = {},
  time = 0,
): EvalRecord => ({ time, values, custom });

const views = {
  home: record(
    { view_id: 'home', view_path: '/', browser: 'Chrome', loading_time: 800 * MS, is_active: true },
    { plan: 'pro', seats: 12, beta: true },
  ),
  cart: record(
    { view_id: 'cart', view_path: '/Cart', browser: 'Firefox', loading_time: 1500 * MS },
    { seats: '3', ratio: 0.5 },
  ),
  bare: record({ view_id: 'bare' }),
};

/** The ids of the views a search matches, as the server's WHERE clause would. */
function matching(query: string, category: Category = 'view'): string[] {
  const match = compileFilter(parseSearch(query), category);
  return Object.entries(views)
    .filter(([, r]) => match(r))
    .map(([id]) => id);
}

describe('evaluating a search in memory', () => {
  it('matches everything without a search', () => {
    expect(compileFilter(null, 'view')(views.bare)).toBe(true);
  });

  it('compares tags exactly, case and all', () => {
    expect(matching('browser:Chrome')).toEqual(['home']);
    expect(matching('browser:chrome')).toEqual([]);
  });

  it('matches free text case-insensitively in the text fields only', () => {
    expect(matching('cart')).toEqual(['cart']);
    expect(matching('"/CA"')).toEqual(['cart']);
    expect(matching('chrome')).toEqual([]);
    expect(matching('/c*t')).toEqual(['cart']);
    expect(matching('"/c*t"')).toEqual([]);
  });

  it('matches a wildcard against the whole value, case-sensitively', () => {
    expect(matching('view_path:/C*')).toEqual(['cart']);
    expect(matching('view_path:/c*')).toEqual([]);
    expect(matching('view_path:/Ca?t')).toEqual(['cart']);
    expect(matching('loading_time:8*')).toEqual(['home']);
  });

  it('lets a negation match records that lack the field', () => {
    expect(matching('-browser:Chrome')).toEqual(['cart', 'bare']);
    expect(matching('NOT loading_time:>1s')).toEqual(['home', 'bare']);
    expect(matching('-plan:*')).toEqual(['cart', 'bare']);
  });

  it('compares numbers in the field unit, with units and ranges', () => {
    expect(matching('loading_time:>1s')).toEqual(['cart']);
    expect(matching('loading_time:>=800ms')).toEqual(['home', 'cart']);
    expect(matching('loading_time:[0 TO 800000000]')).toEqual(['home']);
    expect(matching('loading_time:{800ms TO 1.5s}')).toEqual([]);
    expect(matching('loading_time:1500ms')).toEqual(['cart']);
  });

  it('reads booleans as the server does', () => {
    expect(matching('is_active:true')).toEqual(['home']);
    expect(matching('is_active:T')).toEqual(['home']);
    expect(matching('is_active:false')).toEqual([]);
  });

  it('reads custom context as text, and as a number when compared', () => {
    expect(matching('seats:12')).toEqual(['home']);
    expect(matching('seats:3')).toEqual(['cart']);
    expect(matching('seats:>5')).toEqual(['home']);
    expect(matching('seats:[1 TO 5]')).toEqual(['cart']);
    expect(matching('beta:true')).toEqual(['home']);
    expect(matching('ratio:0.5')).toEqual(['cart']);
    expect(matching('plan:pro OR beta:*')).toEqual(['home']);
  });

  it('reads a catalogue field of another category from the custom context', () => {
    const match = compileFilter(parseSearch('error_message:x'), 'view');
    expect(match(record({}, { error_message: 'x' }))).toBe(true);
    expect(match(record({ error_message: 'x' }))).toBe(false);
  });
});

describe('fields as the store reads them', () => {
  it('types catalogue fields, time and custom keys', () => {
    expect(fieldOf('view', 'loading_time').type).toBe('number');
    expect(fieldOf('view', 'is_active').type).toBe('boolean');
    expect(fieldOf('view', 'browser').type).toBe('string');
    expect(fieldOf('view', 'time').value(record({}, {}, 42))).toBe(42);
    expect(fieldOf('view', 'seats').value(views.home)).toBe('12');
    expect(fieldOf('view', 'beta').value(views.home)).toBe('true');
    expect(fieldOf('view', 'missing').value(views.home)).toBeNull();
  });

  it('casts values to text as DuckDB does', () => {
    const cls = fieldOf('view', 'cumulative_layout_shift');
    expect(cls.text(record({ cumulative_layout_shift: 1 }))).toBe('1.0');
    expect(fieldOf('view', 'loading_time').text(views.home)).toBe('800000000');
    expect(fieldOf('view', 'is_active').text(views.home)).toBe('true');
  });

  it.each([
    [1, '1.0'],
    [100, '100.0'],
    [0.1, '0.1'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [1e-4, '0.0001'],
    [1e-5, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [-0, '0.0'],
    [12345678901234568, '1.2345678901234568e+16'],
    [Number.NaN, 'nan'],
    [Number.NEGATIVE_INFINITY, '-inf'],
  ])('writes the double %d as %j', (value, text) => {
    expect(doubleText(value)).toBe(text);
  });

  it.each([
    [' 12 ', 12],
    ['1_000', 1000],
    ['1.0_5', 1.05],
    ['.5', 0.5],
    ['5.', 5],
    ['+.5e-1', 0.05],
    ['-inf', Number.NEGATIVE_INFINITY],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['0x10', null],
    ['1__0', null],
    ['', null],
    ['true', null],
    ['5d', null],
  ])('reads %j as the double %s (TRY_CAST)', (text, value) => {
    expect(tryDouble(text)).toBe(value);
  });

  it('orders values as SQL does: numbers by value, text by code point', () => {
    expect(compareValues(2, 10)).toBeLessThan(0);
    expect(compareValues(10n, 9)).toBeGreaterThan(0);
    expect(compareValues(Number.NaN, Number.POSITIVE_INFINITY)).toBeGreaterThan(0);
    expect(compareValues(false, true)).toBeLessThan(0);
    expect(compareText('B', 'a')).toBeLessThan(0);
    expect(compareText('\uFFFD', '😀')).toBeLessThan(0);
    expect(compareText('ab', 'a')).toBeGreaterThan(0);
  });
});
