/*
 * Escaping of measurements, tag keys, tag values and field keys.
 *
 * A backslash escapes the next character when that character is a space, a comma, `=`, `"`
 * or another backslash; before any other character a backslash is literal, as in DataKit
 * (`C:\temp` stays `C:\temp`). So the encoder doubles a backslash only where it would
 * otherwise escape what follows or where it ends the text, and plain Windows paths and
 * regexes go out byte for byte what DataKit reads.
 */

// A backslash is doubled only before a character that it would escape, or at the end.
const KEY_SPECIALS = /[ ,="]|\\(?=[ ,="\\]|$)/g;
const MEASUREMENT_SPECIALS = /[ ,]|\\(?=[ ,="\\]|$)/g;
// Most names and values need no escaping, and a regex test finds that out at native speed.
const MAY_NEED_KEY_ESCAPE = /[ ,="\\]/;
const MAY_NEED_MEASUREMENT_ESCAPE = /[ ,\\]/;
const KEY_ESCAPE = /\\([ ,="\\])/g;
const STRING_ESCAPE = /\\([\\"])/g;

/** A measurement: escapes space and comma, the only characters that end it. */
export function escapeMeasurement(text: string): string {
  if (!MAY_NEED_MEASUREMENT_ESCAPE.test(text)) return text;
  return text.replace(MEASUREMENT_SPECIALS, '\\$&');
}

/** A tag key, tag value or field key: escapes space, comma, `=` and `"` (Guance's SDK escapes `"` too). */
export function escapeKey(text: string): string {
  if (!MAY_NEED_KEY_ESCAPE.test(text)) return text;
  return text.replace(KEY_SPECIALS, '\\$&');
}

/** Undoes escapeKey and escapeMeasurement on raw text cut from a line. */
export function unescapeKey(raw: string): string {
  return dropEscapes(raw, KEY_ESCAPE, true);
}

/**
 * Drops each backslash that escapes one of the characters `pattern` lists. Short text, the
 * usual case, is cut by hand, three times faster than a regex replace; long text with many
 * escapes goes to the regex, which builds the result in one piece instead of a rope.
 */
function dropEscapes(raw: string, pattern: RegExp, key: boolean): string {
  let i = raw.indexOf('\\');
  if (i === -1) return raw;
  if (raw.length > 256) return raw.replace(pattern, '$1');
  let out = '';
  let last = 0;
  while (i !== -1) {
    const c = raw.charCodeAt(i + 1);
    if (c === 92 || c === 34 || (key && (c === 32 || c === 44 || c === 61))) {
      out += raw.slice(last, i);
      last = i + 1;
      i = raw.indexOf('\\', i + 2);
    } else {
      i = raw.indexOf('\\', i + 1);
    }
  }
  return out + raw.slice(last);
}

/** A string field value, quoted, with `\` and `"` escaped; newlines and tabs stay raw. */
export function quoteString(text: string): string {
  // Two replaceAll calls beat one regex replace by half.
  let out = text;
  if (out.indexOf('\\') !== -1) out = out.replaceAll('\\', '\\\\');
  if (out.indexOf('"') !== -1) out = out.replaceAll('"', '\\"');
  return `"${out}"`;
}

/** Undoes quoteString on the text between the quotes; other backslashes are literal. */
export function unescapeString(raw: string): string {
  return dropEscapes(raw, STRING_ESCAPE, false);
}
