import { describe, expect, it } from 'vitest';
import { decodeLines } from './decode.js';
import { LineProtocolError } from './errors.js';
import type { DecodeOptions } from './types.js';

function one(line: string, options?: DecodeOptions) {
  const points = decodeLines(line, options);
  expect(points).toHaveLength(1);
  return points[0];
}

function failure(body: string, options?: DecodeOptions): LineProtocolError {
  try {
    decodeLines(body, options);
  } catch (error) {
    if (error instanceof LineProtocolError) return error;
    throw error;
  }
  throw new Error(`decoded without an error: ${JSON.stringify(body)}`);
}

describe('decodeLines reads what DataKit reads', () => {
  it('unescapes spaces, commas, equals signs and quotes in tags, keys and measurements', () => {
    const point = one(String.raw`my\ view\,x,os=Mac\ OS,a\=b=c\,d,q=say\"hi\" e\ f=1 1`);
    expect(point).toEqual({
      measurement: 'my view,x',
      tags: { os: 'Mac OS', 'a=b': 'c,d', q: 'say"hi"' },
      fields: { 'e f': 1 },
      time: 1000,
    });
  });

  it('keeps a backslash before any other character, and reads \\\\ as one backslash', () => {
    const point = one(String.raw`m,path=C:\temp,end=a\\,both=x\\\ y file="C:\temp\\new",n=1`);
    expect(point?.tags).toEqual({ path: String.raw`C:\temp`, end: 'a\\', both: String.raw`x\ y` });
    expect(point?.fields.file).toBe(String.raw`C:\temp\new`);
  });

  it('unescapes \\" and \\\\ inside string fields', () => {
    expect(one(String.raw`m s="a \"b\" c\\d"`)?.fields.s).toBe(String.raw`a "b" c\d`);
    expect(one(String.raw`m s="ends with \\"`)?.fields.s).toBe('ends with \\');
  });

  it('keeps raw newlines, tabs, `=`, commas and spaces inside quoted strings', () => {
    const point = one('error message="a=b, c d",stack="TypeError\n\tat x (a.js:1:2)\r\n" 5');
    expect(point?.fields).toEqual({
      message: 'a=b, c d',
      stack: 'TypeError\n\tat x (a.js:1:2)\r\n',
    });
  });

  it('reads an empty string field', () => {
    expect(one('m s=""')?.fields.s).toBe('');
  });

  it('reads numbers with and without the i and u suffixes', () => {
    const point = one(
      'm a=5i,b=5u,c=-5i,d=9007199254740993i,e=18446744073709551615u,f=-9223372036854775808i,g=007',
    );
    expect(point?.fields).toEqual({
      a: 5,
      b: 5,
      c: -5,
      d: 9007199254740993n,
      e: 18446744073709551615n,
      f: -9223372036854775808n,
      g: 7,
    });
  });

  it('reads floats with fractions and exponents, and negative numbers', () => {
    const point = one(
      'm a=1.5e3,b=1E-2,c=-2.5E+2,d=.5,e=5.,f=-2,g=-0,h=0,i=158000000,j=12345678901234567890',
    );
    expect(point?.fields).toEqual({
      a: 1500,
      b: 0.01,
      c: -250,
      d: 0.5,
      e: 5,
      f: -2,
      g: -0,
      h: 0,
      i: 158000000,
      j: Number('12345678901234567890'),
    });
    expect(Object.is(point?.fields.g, -0)).toBe(true);
  });

  it('reads every boolean spelling DataKit accepts', () => {
    const point = one('m a=t,b=T,c=true,d=True,e=TRUE,f=f,g=F,h=false,i=False,j=FALSE');
    expect(point?.fields).toEqual({
      a: true,
      b: true,
      c: true,
      d: true,
      e: true,
      f: false,
      g: false,
      h: false,
      i: false,
      j: false,
    });
  });

  it('reads the timestamp in each precision as milliseconds', () => {
    const time = (precision: DecodeOptions['precision']) => one('m x=1 1500', { precision })?.time;
    expect(time('n')).toBe(0.0015);
    expect(time('u')).toBe(1.5);
    expect(time('ms')).toBe(1500);
    expect(time('s')).toBe(1_500_000);
    expect(time('m')).toBe(90_000_000);
    expect(time('h')).toBe(5_400_000_000);
    expect(one('m x=1 -1500', { precision: 'ms' })?.time).toBe(-1500);
  });

  it('keeps nanosecond timestamps to the nearest double of milliseconds', () => {
    expect(one('m x=1 1716544492000123456', { precision: 'n' })?.time).toBe(1716544492000.1235);
    expect(one('m x=1 1716544492000123', { precision: 'u' })?.time).toBe(1716544492000.123);
  });

  it('guesses the precision from the size of the timestamp when none is given', () => {
    const time = (stamp: string) => one(`m x=1 ${stamp}`)?.time;
    expect(time('1716544492')).toBe(1716544492000);
    expect(time('1716544492000')).toBe(1716544492000);
    expect(time('1716544492000000')).toBe(1716544492000);
    expect(time('1716544492000000000')).toBe(1716544492000);
    expect(time('10000000000')).toBe(10000000000);
    expect(time('0')).toBe(0);
    expect(time('-5')).toBe(-5000);
  });

  it('leaves the time undefined when a line has none, so the server can use the arrival time', () => {
    expect(one('m x=1')).toEqual({ measurement: 'm', tags: {}, fields: { x: 1 }, time: undefined });
    expect(one('m x=1   ')?.time).toBeUndefined();
  });

  it('accepts CRLF line ends, blank and comment lines, and blanks around the sections', () => {
    const body = '# a comment\r\n\r\n  \t\n  m,a=b   x=1   7  \r\n#m x=2\r\nm y="q"\r\n';
    expect(decodeLines(body, { precision: 's' })).toEqual([
      { measurement: 'm', tags: { a: 'b' }, fields: { x: 1 }, time: 7000 },
      { measurement: 'm', tags: {}, fields: { y: 'q' }, time: undefined },
    ]);
    expect(decodeLines('')).toEqual([]);
    expect(decodeLines('\n# only comments\n')).toEqual([]);
  });

  it('keeps a raw quote inside a tag value, as DataKit does', () => {
    expect(one('m,a=x"y b=1')?.tags.a).toBe('x"y');
  });

  it('sets keys such as __proto__ and constructor as plain own properties', () => {
    const point = one('m,__proto__=a,constructor=b __proto__=1,toString="s"');
    expect(Object.keys(point?.tags ?? {})).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(point?.tags)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(point?.fields, '__proto__')?.value).toBe(1);
    expect(point?.fields.toString).toBe('s');
  });

  it('reads UTF-8 bytes as well as strings', () => {
    const text = 'm,os=Mac\\ OS name="日本 😀",n=1 1';
    expect(decodeLines(new TextEncoder().encode(text))).toEqual(decodeLines(text));
    expect(decodeLines(new TextEncoder().encode(text))[0]?.fields.name).toBe('日本 😀');
  });

  it('reads repeated layouts the same way on the fast path as on the first sighting', () => {
    const lines = [
      String.raw`resource,os=Mac\ OS,url=/a\,b ok=T,n=1i,s="x\"y",d=1.5 1716544492000`,
      String.raw`resource,os=Mac\ OS,url=/a\,b ok=F,n=2i,s="x\\z",d=2 1716544492001`,
      'resource,os=Windows,url=/c ok=true,n=-3,s="multi\nline",d=-0.5e1 1716544492002',
      'resource,os=Windows,url=/c ok=t,n=4u,s="",d=7',
    ];
    const body = [...lines, ...lines, ...lines, ...lines].join('\n');
    const points = decodeLines(body);
    expect(points).toHaveLength(16);
    for (let i = 4; i < 16; i++) expect(points[i]).toEqual(points[i % 4]);
    expect(points[2]?.fields).toEqual({ ok: true, n: -3, s: 'multi\nline', d: -5 });
    expect(points[1]?.fields.s).toBe('x\\z');
    expect(points[3]?.time).toBeUndefined();
  });
});

describe('decodeLines names the line and column of what DataKit would refuse', () => {
  const cases: [string, number, number, string][] = [
    [',a=b x=1', 1, 1, 'missing measurement'],
    ['m', 1, 2, 'missing fields'],
    ['m ', 1, 3, 'missing fields'],
    ['m\r\n', 1, 2, 'missing fields'],
    ['m,a=b', 1, 6, 'missing fields after tag "a" (a tag value cannot hold a raw newline)'],
    ['m,a=b\nc x=1', 1, 6, 'missing fields after tag "a" (a tag value cannot hold a raw newline)'],
    ['m,a=b\\\nc x=1', 1, 6, 'tag "a" contains a newline'],
    ['m,=b x=1', 1, 3, 'empty tag key'],
    ['m,a x=1', 1, 4, 'tag "a" has no value'],
    ['m,a= x=1', 1, 5, 'empty value for tag "a"'],
    ['m,a=b=c x=1', 1, 6, 'unescaped "=" in the value of tag "a"'],
    ['m,a=1,a=2 x=1', 1, 7, 'duplicate tag "a"'],
    ['m =1', 1, 3, 'empty field key'],
    ['m x=1,=2', 1, 7, 'empty field key'],
    ['m x', 1, 4, 'field "x" has no value'],
    ['m x=', 1, 5, 'field "x" has no value'],
    ['m x=,y=1', 1, 5, 'field "x" has no value'],
    ['m x=1,x=2', 1, 7, 'duplicate field "x"'],
    ['m x=1.2.3', 1, 5, 'bad number "1.2.3" for field "x"'],
    ['m x=1e', 1, 5, 'bad number "1e" for field "x"'],
    ['m x=-', 1, 5, 'bad number "-" for field "x"'],
    ['m x=0x10', 1, 5, 'bad number "0x10" for field "x"'],
    ['m x=1.5i', 1, 5, 'bad number "1.5i" for field "x"'],
    [
      'm x=9223372036854775808i',
      1,
      5,
      'integer 9223372036854775808i for field "x" overflows int64',
    ],
    [
      'm x=18446744073709551616u',
      1,
      5,
      'integer 18446744073709551616u for field "x" overflows uint64',
    ],
    ['m x=-1u', 1, 5, 'unsigned integer -1u for field "x" is negative'],
    ['m x=1e999', 1, 5, 'number 1e999 for field "x" overflows a float64'],
    ['m x=tru', 1, 5, 'bad boolean "tru" for field "x"'],
    ['m x=yes', 1, 5, 'bad field value "yes" for field "x"'],
    ['m x=NaN', 1, 5, 'bad field value "NaN" for field "x"'],
    ['m x=-Infinity', 1, 5, 'bad number "-Infinity" for field "x"'],
    ['m x="abc', 1, 5, 'unterminated string field "x"'],
    ['m x="abc\\"', 1, 5, 'unterminated string field "x"'],
    ['m x="a"b', 1, 8, 'unexpected "b" after string field "x"'],
    ['m x=1 12a', 1, 7, 'bad timestamp "12a"'],
    ['m x=1 -', 1, 7, 'bad timestamp "-"'],
    ['m x=1 1.5', 1, 7, 'bad timestamp "1.5"'],
    ['m x=1 123 456', 1, 11, 'unexpected "456" after the timestamp'],
    [
      'm x=1 99999999999999999999',
      1,
      7,
      'timestamp 99999999999999999999 is out of range (years 1677 to 2262)',
    ],
    ['m x=1 9999999999', 1, 7, 'timestamp 9999999999 is out of range (years 1677 to 2262)'],
  ];

  it.each(cases)('%j: line %i, column %i: %s', (body, line, column, reason) => {
    const error = failure(body);
    expect(error).toBeInstanceOf(LineProtocolError);
    expect(error.name).toBe('LineProtocolError');
    expect({ line: error.line, column: error.column, reason: error.reason }).toEqual({
      line,
      column,
      reason,
    });
    expect(error.message).toBe(`line ${line}, column ${column}: ${reason}`);
  });

  it('counts the lines inside multi-line strings', () => {
    const body = 'view x=1\nerror stack="a\nb\nc" 1\n# note\nm x=tru';
    expect(failure(body).message).toBe('line 6, column 5: bad boolean "tru" for field "x"');
  });

  it('counts an emoji earlier on the line as one column', () => {
    expect(failure('m,a=😀😀 x=tru').message).toBe(
      'line 1, column 10: bad boolean "tru" for field "x"',
    );
  });

  it('reports an error on a line whose layout is on the fast path', () => {
    const good = 'cpu,host=a x=1i,y="s" 1\n';
    const error = failure(`${good}${good}${good}cpu,host=a x=1.2.3,y="s" 1`);
    expect(error.message).toBe('line 4, column 14: bad number "1.2.3" for field "x"');
  });

  it('refuses an unknown precision before reading anything', () => {
    expect(() => decodeLines('m x=1', { precision: 'us' as never })).toThrow(RangeError);
  });
});
