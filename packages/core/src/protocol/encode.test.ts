import { describe, expect, it } from 'vitest';
import { decodeLines } from './decode.js';
import { encodeLines } from './encode.js';
import { LineProtocolError } from './errors.js';
import type { Point } from './types.js';

const view: Point = {
  measurement: 'view',
  tags: { app_id: 'appid_1', os: 'Mac OS', q: 'a,b=c"d' },
  fields: { duration: 158000000, stack: 'Error "x"\n\tat C:\\app.js', active: true },
  time: 1636524705407,
};

function failure(points: unknown[], precision?: 'ms' | 'n'): LineProtocolError {
  try {
    encodeLines(points as Point[], { precision });
  } catch (error) {
    if (error instanceof LineProtocolError) return error;
    throw error;
  }
  throw new Error('encoded without an error');
}

describe('encodeLines writes what Guance SDK sends and DataKit reads', () => {
  it('writes one line per point with escaped tags and quoted strings, in milliseconds', () => {
    expect(encodeLines([view, { ...view, time: undefined }])).toBe(
      'view,app_id=appid_1,os=Mac\\ OS,q=a\\,b\\=c\\"d ' +
        'duration=158000000,stack="Error \\"x\\"\n\tat C:\\\\app.js",active=true 1636524705407\n' +
        'view,app_id=appid_1,os=Mac\\ OS,q=a\\,b\\=c\\"d ' +
        'duration=158000000,stack="Error \\"x\\"\n\tat C:\\\\app.js",active=true',
    );
    expect(encodeLines([])).toBe('');
  });

  it('writes plain numbers bare, like the SDK, and bigints with i or u', () => {
    const line = encodeLines([
      {
        measurement: 'm',
        tags: {},
        fields: { a: 1.5, b: -0, c: 1e21, d: 2n ** 63n - 1n, e: 2n ** 64n - 1n, f: -5n, g: false },
      },
    ]);
    expect(line).toBe(
      'm a=1.5,b=-0,c=1e+21,d=9223372036854775807i,e=18446744073709551615u,f=-5i,g=false',
    );
  });

  it('escapes a measurement only where DataKit would split it', () => {
    const line = encodeLines([{ measurement: 'a b,c=d"e', tags: {}, fields: { x: 1 } }]);
    expect(line).toBe('a\\ b\\,c=d"e x=1');
  });

  it('doubles a backslash only where it would otherwise escape what follows', () => {
    const line = encodeLines([
      {
        measurement: 'm',
        tags: { path: 'C:\\temp', end: 'a\\', before: 'x\\ y', two: 'a\\\\b' },
        fields: { 'k\\': 1 },
      },
    ]);
    expect(line).toBe('m,path=C:\\temp,end=a\\\\,before=x\\\\\\ y,two=a\\\\\\b k\\\\=1');
    expect(decodeLines(line)[0]).toEqual({
      measurement: 'm',
      tags: { path: 'C:\\temp', end: 'a\\', before: 'x\\ y', two: 'a\\\\b' },
      fields: { 'k\\': 1 },
      time: undefined,
    });
  });

  it('writes the time in the precision asked for, rounded to the unit', () => {
    const at = (time: number, precision: 'n' | 'u' | 'ms' | 's' | 'm' | 'h') =>
      encodeLines([{ measurement: 'm', tags: {}, fields: { x: 1 }, time }], { precision });
    expect(at(1636524705407.25, 'n')).toBe('m x=1 1636524705407250000');
    expect(at(1636524705407.25, 'u')).toBe('m x=1 1636524705407250');
    expect(at(1636524705407.25, 'ms')).toBe('m x=1 1636524705407');
    expect(at(1636524705600, 's')).toBe('m x=1 1636524706');
    expect(at(120_000, 'm')).toBe('m x=1 2');
    expect(at(7_200_000, 'h')).toBe('m x=1 2');
    expect(at(-1500, 'ms')).toBe('m x=1 -1500');
  });

  it('accepts a point without tags, and a null time as no time', () => {
    const point = { measurement: 'm', fields: { x: 1 }, time: null } as unknown as Point;
    expect(encodeLines([point])).toBe('m x=1');
  });
});

describe('encodeLines refuses points that DataKit would refuse, naming the point and key', () => {
  const base = { measurement: 'm', tags: {}, fields: { x: 1 } };
  const cases: [string, unknown, string][] = [
    [
      'NaN',
      { ...base, fields: { x: Number.NaN } },
      'points[0].fields.x: NaN is not a valid field value',
    ],
    [
      'Infinity',
      { ...base, fields: { x: Number.POSITIVE_INFINITY } },
      'points[0].fields.x: Infinity is not a valid field value',
    ],
    [
      'a bigint beyond uint64',
      { ...base, fields: { x: 2n ** 64n } },
      'points[0].fields.x: 18446744073709551616 is outside the int64 and uint64 range',
    ],
    [
      'an object field',
      { ...base, fields: { x: {} } },
      'points[0].fields.x: field value must be a number, bigint, string or boolean, not an object',
    ],
    ['no fields', { ...base, fields: {} }, 'points[0].fields: a point needs at least one field'],
    ['missing fields', { measurement: 'm', tags: {} }, 'points[0].fields: missing fields'],
    ['an empty field key', { ...base, fields: { '': 1 } }, 'points[0].fields[""]: empty field key'],
    [
      'a newline in a field key',
      { ...base, fields: { 'a\nb': 1 } },
      'points[0].fields["a\\nb"]: field key contains a newline',
    ],
    ['an empty tag key', { ...base, tags: { '': 'a' } }, 'points[0].tags[""]: empty tag key'],
    ['an empty tag value', { ...base, tags: { a: '' } }, 'points[0].tags.a: empty tag value'],
    [
      'a newline in a tag value',
      { ...base, tags: { a: 'x\ny' } },
      'points[0].tags.a: tag value contains a newline',
    ],
    [
      'a number as tag value',
      { ...base, tags: { a: 1 } },
      'points[0].tags.a: tag value must be a string, not number',
    ],
    [
      'an empty measurement',
      { ...base, measurement: '' },
      'points[0].measurement: missing measurement',
    ],
    [
      'a measurement read as a comment',
      { ...base, measurement: '#m' },
      'points[0].measurement: measurement starts with "#", which makes the line a comment',
    ],
    [
      'a measurement with a newline',
      { ...base, measurement: 'a\nb' },
      'points[0].measurement: measurement contains a newline',
    ],
    [
      'a time out of range',
      { ...base, time: 1e16 },
      'points[0].time: time 10000000000000000 is not a number of milliseconds within years 1677 to 2262',
    ],
    [
      'a time that is not a number',
      { ...base, time: '1' },
      'points[0].time: time string is not a number of milliseconds within years 1677 to 2262',
    ],
    ['a point that is not an object', null, 'points[0]: a point must be an object, not null'],
  ];

  it.each(cases)('%s', (_, point, message) => {
    const error = failure([point]);
    expect(error.message).toBe(message);
    expect(error.index).toBe(0);
  });

  it('names the index of the faulty point', () => {
    const error = failure([base, base, { ...base, fields: { y: Number.NaN } }]);
    expect({ index: error.index, key: error.key }).toEqual({ index: 2, key: 'fields.y' });
  });

  it('refuses an unknown precision', () => {
    expect(() => encodeLines([base], { precision: 'ns' as never })).toThrow(RangeError);
  });
});
