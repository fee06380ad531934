import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLines } from './decode.js';
import { encodeLine, encodeLines } from './encode.js';
import { decodeJson, encodeJson } from './json.js';
import { msFromDigits, PRECISIONS } from './precision.js';
import type { FieldValue, Point, Precision } from './types.js';

// Characters that line protocol treats specially, mixed with ordinary and far-away ones.
const char = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(' ', ',', '=', '"', '\\', '\t', '\r', '\n', '#', '-', '.'),
  },
  { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'x', '_', '0', '1', 'i', 'u', 't', 'F') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('😀', 'é', '日', '\u2028', '\u0000') },
);
const text = fc.string({ unit: char, maxLength: 10 });
const name = text.filter((s) => s !== '' && !s.includes('\n'));
const measurement = name.filter((s) => !s.startsWith('#') && !s.startsWith('\t'));

const unsafeBigint = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: -(2n ** 53n) }),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n - 1n }),
);
const jsonValue: fc.Arbitrary<FieldValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.maxSafeInteger(),
  text,
  fc.boolean(),
);
const value: fc.Arbitrary<FieldValue> = fc.oneof(jsonValue, unsafeBigint);

// Times the decoder can give back: whole units of the precision, within DataKit's range.
const LIMIT: Record<Precision, bigint> = {
  n: 9_223_372_036_854_775_000n,
  u: 9_223_372_036_854_775n,
  ms: 9_223_372_036_854n,
  s: 9_223_372_036n,
  m: 153_722_867n,
  h: 2_562_047n,
};
function time(precision: Precision, limit = LIMIT[precision]) {
  const units = fc.bigInt({ min: -limit, max: limit });
  const ms = units.map((n) => msFromDigits((n < 0n ? -n : n).toString(), n < 0n, precision));
  return fc.option(ms, { nil: undefined, freq: 4 });
}

function points(precision: Precision, values: fc.Arbitrary<FieldValue>, limit?: bigint) {
  const point: fc.Arbitrary<Point> = fc.record({
    measurement,
    tags: fc.dictionary(name, name, { maxKeys: 5 }),
    fields: fc.dictionary(name, values, { minKeys: 1, maxKeys: 5 }),
    time: time(precision, limit),
  });
  return fc.array(point, { maxLength: 6 });
}

describe('encodeLine, the unchecked writer for points valid by construction', () => {
  it('writes each valid point as encodeLines does, in milliseconds', () => {
    fc.assert(
      fc.property(points('ms', value), (list) => {
        for (const point of list) expect(encodeLine(point)).toBe(encodeLines([point]));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a point without fields, and ignores what a page adds to Object.prototype', () => {
    expect(() => encodeLine({ measurement: 'view', tags: { a: 'b' }, fields: {} })).toThrow(
      'a point needs at least one field',
    );
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'x';
    try {
      expect(encodeLine({ measurement: 'view', tags: {}, fields: { n: 1 }, time: 1.6 })).toBe(
        'view n=1 2',
      );
    } finally {
      delete proto.polluted;
    }
  });
});

describe('what encodeLines writes, decodeLines reads back unchanged', () => {
  it.each(PRECISIONS)('with nasty names and values, precision %s', (precision) => {
    fc.assert(
      fc.property(points(precision, value), (list) => {
        const body = encodeLines(list, { precision });
        expect(decodeLines(body, { precision })).toEqual(list);
        // The third sighting of a layout takes the fast path, which must agree.
        const thrice = [...list, ...list, ...list];
        expect(decodeLines(encodeLines(thrice, { precision }), { precision })).toEqual(thrice);
      }),
      { numRuns: 150 },
    );
  });

  it('with long values full of escapes, on the slow and the fast path', () => {
    const unit = fc.constantFrom('\\', '"', ' ', ',', '=', 'a', '😀');
    const long = fc.string({ unit, minLength: 100, maxLength: 400 });
    const point = fc.record({
      measurement: fc.constant('error'),
      tags: fc.record({ message: long }),
      fields: fc.record({
        stack: fc.oneof(
          long,
          long.map((s) => `${s}\n\t${s}`),
        ),
        n: fc.integer(),
      }),
      time: fc.constant(undefined),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 6 }), (list) => {
        expect(decodeLines(encodeLines(list))).toEqual(list);
      }),
      { numRuns: 100 },
    );
  });

  it('also as UTF-8 bytes', () => {
    fc.assert(
      fc.property(points('ms', value), (list) => {
        const bytes = new TextEncoder().encode(encodeLines(list));
        expect(decodeLines(bytes, { precision: 'ms' })).toEqual(list);
      }),
    );
  });

  it('with realistic millisecond times, even when the precision is guessed', () => {
    const recent = fc.integer({ min: 1_000_000_000_000, max: 4_000_000_000_000 });
    fc.assert(
      fc.property(recent, (ms) => {
        const point = { measurement: 'view', tags: {}, fields: { x: 1 }, time: ms };
        expect(decodeLines(encodeLines([point]))).toEqual([point]);
      }),
    );
  });
});

describe('what encodeJson writes, decodeJson reads back unchanged', () => {
  // JSON numbers are doubles: no bigints, and times only up to 2^53 units.
  it.each(PRECISIONS)('precision %s', (precision) => {
    const limit = LIMIT[precision] < 2n ** 53n ? LIMIT[precision] : 2n ** 53n;
    fc.assert(
      fc.property(points(precision, jsonValue, limit), (list) => {
        expect(decodeJson(encodeJson(list, { precision }), { precision })).toEqual(list);
      }),
      { numRuns: 150 },
    );
  });
});
