import { escapeKey, escapeMeasurement } from './escape.js';
import type { Shape } from './shape.js';

/*
 * The fast path of the decoder. Once a line layout (measurement, tag keys, field keys) has
 * been read twice the slow way, it gets a sticky RegExp that matches such a line in one
 * call and captures every value: V8 compiles it to machine code that reads ~450 MB/s here,
 * against ~60 MB/s for cutting the same line with indexOf and slice.
 *
 * A pattern only ever accepts what the slow path accepts, and reading its captures can
 * still refuse a line (a bad number, say); the line is then read the slow way, which gives
 * the error or the value. So patterns change speed, never results.
 */

export interface LinePattern {
  readonly measurement: string;
  readonly tags: Shape | undefined;
  readonly fields: Shape;
  regex: RegExp | undefined;
  seen: number;
  /** What the body being read last gave this layout; undefined between bodies. */
  memo: Memo | undefined;
}

/**
 * A batch repeats most values from one point to the next (app, SDK, browser, session,
 * view...). Handing out the string read for the previous point again spares unescaping it
 * and leaves the garbage collector one string to copy instead of many (it makes decoding
 * half again as fast). It lives for one body only, so that no body stays reachable
 * through the pattern cache.
 */
export interface Memo {
  /** The text of each tag and string field as sent, by slot (tags first, then fields). */
  sent: (string | undefined)[];
  /** The string read from it. */
  values: string[];
}

// A tag value: no unescaped comma, space, `=` or newline. A field: a quoted string in
// which a backslash escapes any character, or a bare number or boolean. After the fields:
// an optional timestamp and blanks, then the end of the line.
const TAG_VALUE = String.raw`([^,\\ =\n]+(?:\\[^\n][^,\\ =\n]*)*|(?:\\[^\n][^,\\ =\n]*)+)`;
const FIELD_VALUE = String.raw`(?:"([^"\\]*(?:\\[\s\S][^"\\]*)*)"|([^, \r\n"]+))`;
const TAIL = String.raw`(?: [ \t]*(?:(-?\d+)[ \t]*)?)?(?=\r?\n|\r?$)`;

// Layouts are few in practice; many more means generated keys, which patterns cannot help.
const MAX_PATTERNS = 512;
// DataKit caps a point at 256 tags and 1024 fields; past that no pattern is worth its size.
const MAX_GROUPS = 2400;
let patterns = new Map<string, LinePattern[]>();
let count = 0;

/** Patterns for lines that start with this raw (escaped) measurement text. */
export function patternsFor(rawMeasurement: string): LinePattern[] | undefined {
  return patterns.get(rawMeasurement);
}

/** Notes a line read the slow way; its layout gets a pattern on its second sighting. */
export function remember(measurement: string, tags: Shape | undefined, fields: Shape): void {
  const raw = escapeMeasurement(measurement);
  let list = patterns.get(raw);
  let pattern = list?.find((p) => p.tags === tags && p.fields === fields);
  if (pattern === undefined) {
    if (count >= MAX_PATTERNS) {
      patterns = new Map();
      count = 0;
      list = undefined;
    }
    // Own copy: the measurement may be a view into the body, which must not stay alive.
    const own = Object.keys({ [measurement]: 0 })[0] as string;
    pattern = { measurement: own, tags, fields, regex: undefined, seen: 0, memo: undefined };
    if (list === undefined) {
      list = [];
      patterns.set(raw, list);
    }
    list.push(pattern);
    count++;
  }
  if (++pattern.seen === 2) pattern.regex = compile(raw, tags, fields);
}

function compile(raw: string, tags: Shape | undefined, fields: Shape): RegExp | undefined {
  const groups = (tags?.keys?.length ?? 0) + 2 * (fields.keys?.length ?? 0) + 1;
  if (groups > MAX_GROUPS) return undefined;
  let source = literal(raw);
  for (const key of tags?.keys ?? []) source += `,${literal(escapeKey(key))}=${TAG_VALUE}`;
  let separator = ' +';
  for (const key of fields.keys ?? []) {
    source += `${separator}${literal(escapeKey(key))}=${FIELD_VALUE}`;
    separator = ',';
  }
  return new RegExp(source + TAIL, 'y');
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
