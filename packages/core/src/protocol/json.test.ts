import { describe, expect, it } from 'vitest';
import { LineProtocolError } from './errors.js';
import { decodeJson, encodeJson } from './json.js';
import type { Point } from './types.js';

function failure(body: unknown): LineProtocolError {
  try {
    decodeJson(body);
  } catch (error) {
    if (error instanceof LineProtocolError) return error;
    throw error;
  }
  throw new Error('decoded without an error');
}

describe('the JSON form of a write body', () => {
  it('reads DataKit’s JSON example, guessing the precision of `time`', () => {
    const body = JSON.stringify([
      {
        measurement: 'abc',
        tags: { t1: 'b', t2: 'd' },
        fields: { f1: 123, f2: 3.4, f3: 'strval' },
        time: 1624550216000000000,
      },
      { measurement: 'def', fields: { f4: false } },
    ]);
    expect(decodeJson(body)).toEqual([
      {
        measurement: 'abc',
        tags: { t1: 'b', t2: 'd' },
        fields: { f1: 123, f2: 3.4, f3: 'strval' },
        time: 1624550216000,
      },
      { measurement: 'def', tags: {}, fields: { f4: false }, time: undefined },
    ]);
  });

  it('reads UTF-8 bytes, parsed values, and `time` in the precision given', () => {
    const text =
      '[{"measurement":"view","tags":{"os":"Mac OS"},"fields":{"n":"😀"},"time":1636524705}]';
    const expected = [
      { measurement: 'view', tags: { os: 'Mac OS' }, fields: { n: '😀' }, time: 1636524705000 },
    ];
    expect(decodeJson(new TextEncoder().encode(text), { precision: 's' })).toEqual(expected);
    expect(decodeJson(JSON.parse(text), { precision: 's' })).toEqual(expected);
    expect(decodeJson(text, { precision: 'ms' })[0]?.time).toBe(1636524705);
  });

  it('writes the JSON body with `time` in the precision asked for', () => {
    const points: Point[] = [
      {
        measurement: 'view',
        tags: { os: 'Mac OS' },
        fields: { a: 1, b: 'x"y\n', c: true, d: 12345678901234567890n, e: -0 },
        time: 1636524705407,
      },
      { measurement: 'error', tags: {}, fields: { s: '' } },
    ];
    expect(encodeJson(points)).toBe(
      '[{"measurement":"view","tags":{"os":"Mac OS"},' +
        '"fields":{"a":1,"b":"x\\"y\\n","c":true,"d":12345678901234567890,"e":-0},"time":1636524705407},' +
        '{"measurement":"error","tags":{},"fields":{"s":""}}]',
    );
    expect(encodeJson(points.slice(0, 1), { precision: 'u' })).toContain(
      '"time":1636524705407000}',
    );
    expect(encodeJson([])).toBe('[]');
  });

  it('keeps -0 and own __proto__ keys', () => {
    const fields = JSON.parse('{"__proto__":1,"z":-0}');
    const points = decodeJson(encodeJson([{ measurement: 'm', tags: {}, fields }]));
    expect(Object.keys(points[0]?.fields ?? {})).toEqual(['__proto__', 'z']);
    expect(Object.is(points[0]?.fields.z, -0)).toBe(true);
  });

  it.each([
    ['not JSON', 'nope', /^invalid JSON: /],
    ['not an array', '{}', /^a JSON body must be an array of points, not an object$/],
    [
      'a point that is not an object',
      '[1]',
      /^points\[0\]: a point must be an object, not number$/,
    ],
    [
      'a missing measurement',
      '[{"fields":{"a":1}}]',
      /^points\[0\]\.measurement: missing measurement$/,
    ],
    [
      'an array field',
      '[{"measurement":"m","fields":{"a":1}},{"measurement":"m","fields":{"f5":[1,2]}}]',
      /^points\[1\]\.fields\.f5: field value must be a number, bigint, string or boolean, not an array$/,
    ],
    [
      'a null field',
      '[{"measurement":"m","fields":{"a":null}}]',
      /^points\[0\]\.fields\.a: field value must be .*, not null$/,
    ],
    [
      'no fields',
      '[{"measurement":"m","fields":{}}]',
      /^points\[0\]\.fields: a point needs at least one field$/,
    ],
    [
      'a tag that is not a string',
      '[{"measurement":"m","tags":{"t":1},"fields":{"a":1}}]',
      /^points\[0\]\.tags\.t: tag value must be a string, not number$/,
    ],
    [
      'a fractional time',
      '[{"measurement":"m","fields":{"a":1},"time":1.5}]',
      /^points\[0\]\.time: time must be an integer, not 1\.5$/,
    ],
    [
      'a string time',
      '[{"measurement":"m","fields":{"a":1},"time":"1"}]',
      /^points\[0\]\.time: time must be an integer, not string$/,
    ],
    [
      'a time out of range',
      '[{"measurement":"m","fields":{"a":1},"time":9999999999}]',
      /^points\[0\]\.time: time 9999999999 is out of range \(years 1677 to 2262\)$/,
    ],
  ])('refuses %s', (_, body, message) => {
    expect(failure(body).message).toMatch(message);
  });

  it('names the point and key of the problem', () => {
    const error = failure([{ measurement: 'm', fields: { 'a b': Number.NaN } }]);
    expect({ index: error.index, key: error.key, reason: error.reason }).toEqual({
      index: 0,
      key: 'fields["a b"]',
      reason: 'NaN is not a valid field value',
    });
  });
});
