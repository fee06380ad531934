import { setOwn } from './check.js';
import { errorAt, quote } from './errors.js';
import { unescapeKey, unescapeString } from './escape.js';
import { type LinePattern, patternsFor, remember } from './pattern.js';
import { checkPrecision, msFromDigits, msFromUnits } from './precision.js';
import { child, copy, type Shape, settle, shapeRoots } from './shape.js';
import type { DecodeOptions, FieldValue, Point, Precision } from './types.js';
import { decodeUtf8 } from './utf8.js';

const TAB = 9;
const NEWLINE = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const COMMA = 44;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const EQUALS = 61;
const BACKSLASH = 92;
const LOWER_I = 105;
const LOWER_U = 117;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);
const FLOAT = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?\d+$/;
const EMPTY = /(?:)/;

/**
 * Reads a DataKit line-protocol body (`/v1/write/rum`) into points, as DataKit does, and
 * throws a LineProtocolError naming the line and column of the first problem.
 */
export function decodeLines(body: string | Uint8Array, options?: DecodeOptions): Point[] {
  const s = typeof body === 'string' ? body : decodeUtf8(body);
  const precision = checkPrecision(options?.precision);
  const used: LinePattern[] = [];
  try {
    return decodeText(s, precision, used);
  } finally {
    for (const pattern of used) pattern.memo = undefined;
    // V8 keeps the subject of the last successful match for RegExp.lastMatch and friends,
    // which would keep the whole body alive; a match on '' lets it go.
    EMPTY.test('');
  }
}

function decodeText(s: string, precision: Precision | undefined, used: LinePattern[]): Point[] {
  const n = s.length;
  const points: Point[] = [];
  // Keys of the current line, where they start, and its values, reused from line to line.
  const keys: string[] = [];
  const keyAt: number[] = [];
  const tagValues: string[] = [];
  const fieldValues: FieldValue[] = [];

  // A character loop in JavaScript reads about 250 MB/s here; indexOf is ten times faster.
  // So the slow path keeps the next position of each delimiter, found with indexOf and
  // renewed once passed, and cuts names and values between them. Only a name or value
  // with a backslash, or a line with an error, is read character by character.
  let nextEquals = -1;
  let nextComma = -1;
  let nextSpace = -1;
  let nextBackslash = -1;
  let nextNewline = -1;
  let nextQuote = -1;

  let pos = 0;
  while (pos < n) {
    let c = s.charCodeAt(pos);
    while (c === SPACE || c === TAB) c = s.charCodeAt(++pos);
    if (pos >= n) break;
    if (c === NEWLINE) {
      pos++;
      continue;
    }
    if (c === CR && isLineEnd(s, pos, n)) {
      pos += 2;
      continue;
    }
    if (c === HASH) {
      const end = s.indexOf('\n', pos);
      if (end === -1) break;
      pos = end + 1;
      continue;
    }

    // The fast path, for a layout seen before. Measurement names are short.
    let end = pos;
    for (; end < n; end++) {
      const d = s.charCodeAt(end);
      if (d === BACKSLASH) end++;
      else if (d === COMMA || d === SPACE || d === NEWLINE) break;
    }
    if (end > pos && end < n && s.charCodeAt(end) !== NEWLINE) {
      const candidates = patternsFor(s.slice(pos, end));
      if (candidates !== undefined) {
        if (nextBackslash < pos) nextBackslash = next(s, '\\', pos, n);
        const matched = matchLine(s, pos, candidates, nextBackslash, precision, points, used);
        if (matched !== -1) {
          pos = matched < n && s.charCodeAt(matched) === CR ? matched + 2 : matched + 1;
          continue;
        }
      }
    }

    // Measurement
    if (nextComma < pos) nextComma = next(s, ',', pos, n);
    if (nextSpace < pos) nextSpace = next(s, ' ', pos, n);
    if (nextBackslash < pos) nextBackslash = next(s, '\\', pos, n);
    if (nextNewline < pos) nextNewline = next(s, '\n', pos, n);
    end = Math.min(nextComma, nextSpace);
    let measurement: string;
    if (end < nextNewline && end < nextBackslash && end > pos) {
      measurement = s.slice(pos, end);
    } else {
      if (c === COMMA) throw errorAt(s, pos, 'missing measurement');
      end = scanMeasurement(s, pos, n);
      const stop = s.charCodeAt(end);
      if (stop === BACKSLASH) throw errorAt(s, end, 'measurement contains a newline');
      if (stop !== COMMA && stop !== SPACE) throw errorAt(s, lineEndAt(s, end), 'missing fields');
      measurement = unescapeKey(s.slice(pos, end));
    }
    const roots = shapeRoots();

    // Tags
    let shape: Shape = roots.tags;
    let count = 0;
    while (s.charCodeAt(end) === COMMA) {
      const keyStart = end + 1;
      if (nextEquals < keyStart) nextEquals = next(s, '=', keyStart, n);
      if (nextComma < keyStart) nextComma = next(s, ',', keyStart, n);
      if (nextSpace < keyStart) nextSpace = next(s, ' ', keyStart, n);
      if (nextBackslash < keyStart) nextBackslash = next(s, '\\', keyStart, n);
      let keyEnd = nextEquals;
      if (
        keyEnd < nextComma &&
        keyEnd < nextSpace &&
        keyEnd < nextNewline &&
        keyEnd < nextBackslash &&
        keyEnd > keyStart
      ) {
        shape = step(shape, s, keyStart, keyEnd);
      } else {
        keyEnd = scanName(s, keyStart, n);
        const stop = s.charCodeAt(keyEnd);
        if (keyEnd === keyStart) throw errorAt(s, keyEnd, 'empty tag key');
        if (stop === BACKSLASH) throw errorAt(s, keyEnd, 'tag key contains a newline');
        const key = unescapeKey(s.slice(keyStart, keyEnd));
        if (stop !== EQUALS) throw errorAt(s, keyEnd, `tag ${quote(key)} has no value`);
        shape = child(shape, key);
      }
      keys[count] = shape.key;
      keyAt[count] = keyStart;

      const valueStart = keyEnd + 1;
      if (nextEquals < valueStart) nextEquals = next(s, '=', valueStart, n);
      if (nextComma < valueStart) nextComma = next(s, ',', valueStart, n);
      if (nextSpace < valueStart) nextSpace = next(s, ' ', valueStart, n);
      if (nextBackslash < valueStart) nextBackslash = next(s, '\\', valueStart, n);
      end = Math.min(nextComma, nextSpace);
      let value: string;
      if (end < nextEquals && end < nextNewline && end < nextBackslash && end > valueStart) {
        value = s.slice(valueStart, end);
      } else {
        end = scanName(s, valueStart, n);
        value = tagValue(s, valueStart, end, shape.key);
      }
      tagValues[count++] = value;
    }
    let tags: Record<string, string> = {};
    const tagShape = count > 0 ? shape : undefined;
    if (count > 0) {
      if (shape.template === undefined) {
        const repeated = settle(shape, keys, count);
        if (repeated >= 0) {
          const key = quote(keys[repeated] as string);
          throw errorAt(s, keyAt[repeated] as number, `duplicate tag ${key}`);
        }
      }
      tags = fill(shape, tagValues, count) as Record<string, string>;
    }

    // Fields
    pos = end + 1;
    while (s.charCodeAt(pos) === SPACE) pos++;
    if (isLineEnd(s, pos, n)) throw errorAt(s, lineEndAt(s, pos), 'missing fields');
    shape = roots.fields;
    count = 0;
    for (;;) {
      const keyStart = pos;
      if (nextEquals < keyStart) nextEquals = next(s, '=', keyStart, n);
      if (nextComma < keyStart) nextComma = next(s, ',', keyStart, n);
      if (nextSpace < keyStart) nextSpace = next(s, ' ', keyStart, n);
      if (nextBackslash < keyStart) nextBackslash = next(s, '\\', keyStart, n);
      if (nextNewline < keyStart) nextNewline = next(s, '\n', keyStart, n);
      let keyEnd = nextEquals;
      if (
        keyEnd < nextComma &&
        keyEnd < nextSpace &&
        keyEnd < nextNewline &&
        keyEnd < nextBackslash &&
        keyEnd > keyStart
      ) {
        shape = step(shape, s, keyStart, keyEnd);
      } else {
        keyEnd = scanName(s, keyStart, n);
        const stop = s.charCodeAt(keyEnd);
        if (keyEnd === keyStart) throw errorAt(s, keyEnd, 'empty field key');
        if (stop === BACKSLASH) throw errorAt(s, keyEnd, 'field key contains a newline');
        const key = unescapeKey(s.slice(keyStart, keyEnd));
        if (stop !== EQUALS) throw errorAt(s, keyEnd, `field ${quote(key)} has no value`);
        shape = child(shape, key);
      }
      keys[count] = shape.key;
      keyAt[count] = keyStart;

      const valueStart = keyEnd + 1;
      let value: FieldValue | undefined;
      if (s.charCodeAt(valueStart) === QUOTE) {
        if (nextQuote <= valueStart) nextQuote = next(s, '"', valueStart + 1, n);
        if (nextBackslash <= valueStart) nextBackslash = next(s, '\\', valueStart + 1, n);
        let close = nextQuote;
        const escaped = nextBackslash < close;
        // A backslash escapes whatever follows it, so hop over each pair to the real end.
        while (nextBackslash < close) {
          if (close === nextBackslash + 1) close = next(s, '"', close + 1, n);
          nextBackslash = next(s, '\\', nextBackslash + 2, n);
        }
        nextQuote = close;
        if (close >= n) {
          throw errorAt(s, valueStart, `unterminated string field ${quote(shape.key)}`);
        }
        value = escaped
          ? unescapeString(s.slice(valueStart + 1, close))
          : s.slice(valueStart + 1, close);
        pos = close + 1;
        c = s.charCodeAt(pos);
        if (c !== COMMA && c !== SPACE && !isLineEnd(s, pos, n)) {
          const what = quote(s.charAt(pos));
          throw errorAt(s, pos, `unexpected ${what} after string field ${quote(shape.key)}`);
        }
      } else {
        if (nextComma < valueStart) nextComma = next(s, ',', valueStart, n);
        if (nextSpace < valueStart) nextSpace = next(s, ' ', valueStart, n);
        if (nextNewline < valueStart) nextNewline = next(s, '\n', valueStart, n);
        let valueEnd = Math.min(nextComma, nextSpace);
        if (nextNewline <= valueEnd) {
          valueEnd = nextNewline;
          if (s.charCodeAt(valueEnd - 1) === CR) valueEnd--;
        }
        value = parseUnquoted(s, valueStart, valueEnd);
        if (value === undefined) throw unquotedError(s, valueStart, valueEnd, shape.key);
        pos = valueEnd;
      }
      fieldValues[count++] = value;
      if (s.charCodeAt(pos) === COMMA) {
        pos++;
        continue;
      }
      break;
    }
    if (shape.template === undefined) {
      const repeated = settle(shape, keys, count);
      if (repeated >= 0) {
        const key = quote(keys[repeated] as string);
        throw errorAt(s, keyAt[repeated] as number, `duplicate field ${key}`);
      }
    }
    const fields = fill(shape, fieldValues, count) as Record<string, FieldValue>;

    // Timestamp
    let time: number | undefined;
    c = s.charCodeAt(pos);
    if (c === SPACE) {
      do c = s.charCodeAt(++pos);
      while (c === SPACE || c === TAB);
      if (!isLineEnd(s, pos, n)) {
        const start = pos;
        if (c === MINUS) c = s.charCodeAt(++pos);
        while (c >= ZERO && c <= NINE) c = s.charCodeAt(++pos);
        time = readTime(s, start, pos, precision);
        if (!(c === SPACE || c === TAB || isLineEnd(s, pos, n)) || time === undefined) {
          const end = spaceEnd(s, pos, n);
          throw errorAt(s, start, `bad timestamp ${quote(s.slice(start, end))}`);
        }
        if (Number.isNaN(time)) {
          const shown = s.slice(start, pos);
          throw errorAt(s, start, `timestamp ${shown} is out of range (years 1677 to 2262)`);
        }
        while (c === SPACE || c === TAB) c = s.charCodeAt(++pos);
        if (!isLineEnd(s, pos, n)) {
          const end = spaceEnd(s, pos, n);
          throw errorAt(s, pos, `unexpected ${quote(s.slice(pos, end))} after the timestamp`);
        }
      }
    }

    // Every path above stops on `\n`, `\r\n` or the end of the body.
    if (pos < n) pos += s.charCodeAt(pos) === CR ? 2 : 1;
    points.push({ measurement, tags, fields, time });
    remember(measurement, tagShape, shape);
  }
  return points;
}

/**
 * Reads the line at `pos` with the first pattern that matches it and adds its point;
 * returns where the line ends, or -1 to have the slow path read it.
 */
function matchLine(
  s: string,
  pos: number,
  candidates: LinePattern[],
  nextBackslash: number,
  precision: Precision | undefined,
  points: Point[],
  used: LinePattern[],
): number {
  for (let p = 0; p < candidates.length; p++) {
    const pattern = candidates[p] as LinePattern;
    const regex = pattern.regex;
    if (regex === undefined) continue;
    regex.lastIndex = pos;
    let match: RegExpExecArray | null;
    try {
      match = regex.exec(s);
    } catch {
      // A value with very many escapes can exhaust the regex backtrack stack.
      return -1;
    }
    if (match === null) continue;
    const end = regex.lastIndex;
    // Most lines hold no backslash at all, which spares looking for one in every value.
    const escaped = nextBackslash < end;
    let memo = pattern.memo;
    if (memo === undefined) {
      memo = pattern.memo = { sent: [], values: [] };
      used.push(pattern);
    }
    const { sent, values } = memo;
    let group = 1;
    let slot = 0;
    let tags: Record<string, string> = {};
    const tagShape = pattern.tags;
    if (tagShape !== undefined) {
      const names = tagShape.keys as string[];
      const proto = tagShape.proto;
      tags = copy<string>(tagShape, tagShape.template);
      for (let i = 0; i < names.length; i++, slot++) {
        const text = match[group++] as string;
        let value: string;
        if (text === sent[slot]) {
          value = values[slot] as string;
        } else {
          value = escaped && text.indexOf('\\') !== -1 ? unescapeKey(text) : text;
          sent[slot] = text;
          values[slot] = value;
        }
        if (proto) setOwn(tags, names[i] as string, value);
        else tags[names[i] as string] = value;
      }
    }
    const fieldShape = pattern.fields;
    const names = fieldShape.keys as string[];
    const proto = fieldShape.proto;
    const fields = copy<FieldValue>(fieldShape, fieldShape.template);
    for (let i = 0; i < names.length; i++, slot++, group += 2) {
      const text = match[group];
      let value: FieldValue | undefined;
      if (text === undefined) {
        const bare = match[group + 1] as string;
        value = parseUnquoted(bare, 0, bare.length);
        if (value === undefined) return -1;
      } else if (text === sent[slot]) {
        value = values[slot] as string;
      } else {
        value = escaped && text.indexOf('\\') !== -1 ? unescapeString(text) : text;
        sent[slot] = text;
        values[slot] = value;
      }
      if (proto) setOwn(fields, names[i] as string, value);
      else fields[names[i] as string] = value;
    }
    const stamp = match[group];
    let time: number | undefined;
    if (stamp !== undefined) {
      time = readTime(stamp, 0, stamp.length, precision);
      if (time === undefined || Number.isNaN(time)) return -1;
    }
    // Keep the busiest layouts first.
    if (p > 0) {
      candidates[p] = candidates[p - 1] as LinePattern;
      candidates[p - 1] = pattern;
    }
    points.push({ measurement: pattern.measurement, tags, fields, time });
    return end;
  }
  return -1;
}

function next(s: string, char: string, from: number, n: number): number {
  const at = s.indexOf(char, from);
  return at === -1 ? n : at;
}

/** Follows the key trie; a line usually repeats the keys of the line before it. */
function step(shape: Shape, s: string, start: number, end: number): Shape {
  const last = shape.last;
  if (last !== undefined && last.key.length === end - start && s.startsWith(last.key, start)) {
    return last;
  }
  return child(shape, s.slice(start, end));
}

/** A fast object with the shape's keys and these values. */
function fill<T>(shape: Shape, values: T[], count: number): Record<string, T> {
  const target = copy<T>(shape, shape.template);
  const names = shape.keys as string[];
  if (shape.proto) {
    for (let i = 0; i < count; i++) setOwn(target, names[i] as string, values[i] as T);
  } else {
    for (let i = 0; i < count; i++) target[names[i] as string] = values[i] as T;
  }
  return target;
}

/** Ends a measurement: an unescaped comma, space or newline; stops on `\` + newline. */
function scanMeasurement(s: string, pos: number, n: number): number {
  while (pos < n) {
    const c = s.charCodeAt(pos);
    if (c === BACKSLASH) {
      if (s.charCodeAt(pos + 1) === NEWLINE) return pos;
      pos += 2;
    } else if (c === COMMA || c === SPACE || c === NEWLINE) {
      return pos;
    } else {
      pos++;
    }
  }
  return n;
}

/** Ends a tag key, tag value or field key: as scanMeasurement, and also at an unescaped `=`. */
function scanName(s: string, pos: number, n: number): number {
  while (pos < n) {
    const c = s.charCodeAt(pos);
    if (c === BACKSLASH) {
      if (s.charCodeAt(pos + 1) === NEWLINE) return pos;
      pos += 2;
    } else if (c === COMMA || c === SPACE || c === EQUALS || c === NEWLINE) {
      return pos;
    } else {
      pos++;
    }
  }
  return n;
}

/** A tag value that scanName cut at `end`, or the error that DataKit would give. */
function tagValue(s: string, start: number, end: number, key: string): string {
  const stop = s.charCodeAt(end);
  if (end === start) throw errorAt(s, end, `empty value for tag ${quote(key)}`);
  if (stop === EQUALS) throw errorAt(s, end, `unescaped "=" in the value of tag ${quote(key)}`);
  if (stop === BACKSLASH) throw errorAt(s, end, `tag ${quote(key)} contains a newline`);
  if (stop !== COMMA && stop !== SPACE) {
    const reason = `missing fields after tag ${quote(key)} (a tag value cannot hold a raw newline)`;
    throw errorAt(s, lineEndAt(s, end), reason);
  }
  return unescapeKey(s.slice(start, end));
}

/** Milliseconds from the timestamp in `s[start, end)`: undefined if malformed, NaN if out of range. */
function readTime(
  s: string,
  start: number,
  end: number,
  precision: Precision | undefined,
): number | undefined {
  let pos = start;
  const negative = s.charCodeAt(pos) === MINUS;
  if (negative) pos++;
  const digitsStart = pos;
  let magnitude = 0;
  for (; pos < end; pos++) {
    const c = s.charCodeAt(pos);
    if (c < ZERO || c > NINE) return undefined;
    magnitude = magnitude * 10 + (c - ZERO);
  }
  if (pos === digitsStart) return undefined;
  return pos - digitsStart <= 15
    ? msFromUnits(magnitude, negative, precision)
    : msFromDigits(s.slice(digitsStart, end), negative, precision);
}

/**
 * A number or boolean in `s[start, end)`, or undefined when DataKit would refuse it
 * (unquotedError says why).
 */
function parseUnquoted(s: string, start: number, end: number): FieldValue | undefined {
  let c = s.charCodeAt(start);
  if ((c >= ZERO && c <= NINE) || c === MINUS) {
    // Most RUM numbers are integers of at most 15 digits, which a double holds exactly;
    // a digit loop reads them faster than Number(slice) and allocates nothing.
    let pos = start;
    const negative = c === MINUS;
    if (negative) c = s.charCodeAt(++pos);
    const digitsStart = pos;
    let magnitude = 0;
    while (pos < end && c >= ZERO && c <= NINE) {
      magnitude = magnitude * 10 + (c - ZERO);
      c = s.charCodeAt(++pos);
    }
    const digits = pos - digitsStart;
    if (digits > 0 && digits <= 15) {
      if (pos === end) return negative ? -magnitude : magnitude;
      if (pos === end - 1 && c === LOWER_I) return negative ? 0 - magnitude : magnitude;
    }
    return parseNumber(s.slice(start, end));
  }
  if (c === 46) return parseNumber(s.slice(start, end));
  switch (end - start) {
    case 1:
      return c === 116 || c === 84 ? true : c === 102 || c === 70 ? false : undefined;
    case 4: {
      const token = s.slice(start, end);
      return token === 'true' || token === 'True' || token === 'TRUE' ? true : undefined;
    }
    case 5: {
      const token = s.slice(start, end);
      return token === 'false' || token === 'False' || token === 'FALSE' ? false : undefined;
    }
    default:
      return undefined;
  }
}

/** Fractions, exponents, suffixes and long integers; undefined when not a valid number. */
function parseNumber(token: string): FieldValue | undefined {
  const last = token.charCodeAt(token.length - 1);
  if (last === LOWER_I || last === LOWER_U) {
    const digits = token.slice(0, -1);
    if (!INTEGER.test(digits)) return undefined;
    const unsigned = last === LOWER_U;
    if (unsigned && digits.charCodeAt(0) === MINUS) return undefined;
    const value = BigInt(digits);
    if (unsigned ? value > UINT64_MAX : value < INT64_MIN || value > INT64_MAX) return undefined;
    return value >= SAFE_MIN && value <= SAFE_MAX ? Number(value) : value;
  }
  if (!FLOAT.test(token)) return undefined;
  const value = Number(token);
  return Number.isFinite(value) ? value : undefined;
}

/** Why parseUnquoted refused `s[start, end)`. */
function unquotedError(s: string, start: number, end: number, key: string) {
  const token = s.slice(start, end);
  const field = quote(key);
  if (token === '') return errorAt(s, start, `field ${field} has no value`);
  const c = token.charCodeAt(0);
  const numeric = (c >= ZERO && c <= NINE) || c === MINUS || c === 46;
  if (numeric) {
    const last = token.charCodeAt(token.length - 1);
    const digits = token.slice(0, -1);
    if ((last === LOWER_I || last === LOWER_U) && INTEGER.test(digits)) {
      if (last === LOWER_U && c === MINUS) {
        return errorAt(s, start, `unsigned integer ${token} for field ${field} is negative`);
      }
      const type = last === LOWER_U ? 'uint64' : 'int64';
      return errorAt(s, start, `integer ${token} for field ${field} overflows ${type}`);
    }
    if (FLOAT.test(token)) {
      return errorAt(s, start, `number ${token} for field ${field} overflows a float64`);
    }
  }
  const boolean = c === 116 || c === 84 || c === 102 || c === 70;
  const what = numeric ? 'number' : boolean ? 'boolean' : 'field value';
  return errorAt(s, start, `bad ${what} ${quote(token)} for field ${field}`);
}

function spaceEnd(s: string, pos: number, n: number): number {
  while (pos < n) {
    const c = s.charCodeAt(pos);
    if (c === SPACE || c === TAB || c === NEWLINE || c === CR) break;
    pos++;
  }
  return pos;
}

function isLineEnd(s: string, pos: number, n: number): boolean {
  if (pos >= n) return true;
  const c = s.charCodeAt(pos);
  return c === NEWLINE || (c === CR && (pos + 1 === n || s.charCodeAt(pos + 1) === NEWLINE));
}

/** Points an end-of-line error at the `\r` of a `\r\n`, where the reader sees the line end. */
function lineEndAt(s: string, pos: number): number {
  return pos > 0 && pos < s.length && s.charCodeAt(pos - 1) === CR ? pos - 1 : pos;
}
