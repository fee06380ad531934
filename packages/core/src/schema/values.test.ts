import { describe, expect, it } from 'vitest';
import { parseValue } from './values.js';

describe('parseValue', () => {
  it('reads integers from numbers, bigints and tag text', () => {
    expect(parseValue('integer', 200)).toBe(200);
    expect(parseValue('integer', 158000000.0)).toBe(158000000);
    expect(parseValue('integer', '200')).toBe(200);
    expect(parseValue('integer', '1e3')).toBe(1000);
    expect(parseValue('integer', 7n)).toBe(7n);
    expect(parseValue('integer', '9007199254740993')).toBe(9007199254740993n);
  });

  it('refuses fractions, text and booleans as integers', () => {
    expect(parseValue('integer', 1.5)).toBeUndefined();
    expect(parseValue('integer', '1.5')).toBeUndefined();
    expect(parseValue('integer', 'abc')).toBeUndefined();
    expect(parseValue('integer', '')).toBeUndefined();
    expect(parseValue('integer', true)).toBeUndefined();
    expect(parseValue('integer', Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('reads floats from finite numbers and numeric text', () => {
    expect(parseValue('float', 0.1)).toBe(0.1);
    expect(parseValue('float', '0.25')).toBe(0.25);
    expect(parseValue('float', '-1.5e-3')).toBe(-0.0015);
    expect(parseValue('float', 3n)).toBe(3);
    expect(parseValue('float', Number.NaN)).toBeUndefined();
    expect(parseValue('float', '0x10')).toBeUndefined();
  });

  it('reads booleans spelled T/F or true/false, as tags or fields', () => {
    expect(parseValue('boolean', 'T')).toBe(true);
    expect(parseValue('boolean', 'F')).toBe(false);
    expect(parseValue('boolean', 'true')).toBe(true);
    expect(parseValue('boolean', 'False')).toBe(false);
    expect(parseValue('boolean', false)).toBe(false);
    expect(parseValue('boolean', 'yes')).toBeUndefined();
    expect(parseValue('boolean', 1)).toBeUndefined();
  });

  it('keeps strings and JSON as text without parsing JSON', () => {
    expect(parseValue('string', 'Mac OS')).toBe('Mac OS');
    expect(parseValue('json', '{"a":"1"}')).toBe('{"a":"1"}');
    expect(parseValue('json', 'a=1&b=2')).toBe('a=1&b=2');
    expect(parseValue('string', 42)).toBeUndefined();
    expect(parseValue('json', true)).toBeUndefined();
  });
});
