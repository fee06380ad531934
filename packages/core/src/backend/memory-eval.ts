// The explorer's filter AST evaluated over records in memory, with the semantics of the reference
// server's SQL compiler (server/src/store/duckdb/query.ts, decision 005) down to DuckDB's casts:
// catalogue fields of the category compare by their type, custom context keys as text; `-x` and
// NOT match records that lack the field; free text is a case-insensitive substring or glob of
// the category's text fields; comparisons read numbers as DuckDB's TRY_CAST does.
import {
  type Category,
  fieldsOf,
  getField,
  type TypedValue,
  textFieldsOf,
} from '../schema/index.js';
import type { Filter, TermFilter } from '../search/index.js';
import { wildcardToRegExp } from '../search/index.js';

/** What a filter reads of a record: its time (ms), catalogue values and custom context. */
export interface EvalRecord {
  time: number;
  values: Readonly<Record<string, TypedValue>>;
  custom: Readonly<Record<string, TypedValue>>;
}

/** A field as a store reads it: catalogue numbers and `time` as numbers, custom keys as text. */
export interface Field {
  name: string;
  type: 'number' | 'string' | 'boolean';
  /** Its value; null when the record lacks it. Custom keys read as the text JSON gives them. */
  value(record: EvalRecord): TypedValue | null;
  /** Its value cast to text, as `CAST(x AS VARCHAR)` writes it; null when absent. */
  text(record: EvalRecord): string | null;
}

const names = new Map<Category, ReadonlySet<string>>();

/** The catalogue fields a record of the category may carry. */
export function categoryFields(category: Category): ReadonlySet<string> {
  let set = names.get(category);
  if (!set) {
    set = new Set(fieldsOf(category).map((def) => def.name));
    names.set(category, set);
  }
  return set;
}

export function fieldOf(category: Category, name: string): Field {
  if (name === 'time') {
    return { name, type: 'number', value: (r) => r.time, text: (r) => String(r.time) };
  }
  if (categoryFields(category).has(name)) {
    const def = getField(name);
    const float = def?.type === 'float';
    const type =
      def?.type === 'integer' || float ? 'number' : def?.type === 'boolean' ? 'boolean' : 'string';
    const value = (r: EvalRecord) => r.values[name] ?? null;
    return {
      name,
      type,
      value,
      text: (r) => {
        const v = value(r);
        return v === null ? null : typeof v === 'number' && float ? doubleText(v) : String(v);
      },
    };
  }
  // A key the catalogue does not give the category lives in the custom context, read as JSON
  // text (json_extract_string): a number as JSON wrote it, a boolean as true or false.
  const value = (r: EvalRecord) => {
    const v = r.custom[name];
    return v === undefined ? null : jsonText(v);
  };
  return { name, type: 'string', value, text: value };
}

/** A custom value as stored in JSON and read back as text. */
function jsonText(value: TypedValue): string {
  return typeof value === 'string' || typeof value === 'bigint'
    ? String(value)
    : JSON.stringify(value);
}

/**
 * A double as DuckDB casts it to text: the shortest round-trip digits, fixed notation with at
 * least one decimal from 1e-4 up to 1e16, scientific with a two-digit exponent beyond.
 */
export function doubleText(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return '0.0';
  const [mantissa = '', exponentText = '0'] = n.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 16) {
    const fixed = n.toString();
    return fixed.includes('.') ? fixed : `${fixed}.0`;
  }
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

const DOUBLE =
  /^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** Text read as a double the way DuckDB's TRY_CAST does; null when it is not one. */
export function tryDouble(text: string): number | null {
  const trimmed = text.trim();
  if (DOUBLE.test(trimmed)) return Number(trimmed.replaceAll('_', ''));
  const special = SPECIAL.exec(trimmed);
  if (!special) return null;
  if (special[2]?.toLowerCase() === 'nan') return Number.NaN;
  return special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/** A field's value as a number for comparisons and aggregates: the value, or its text cast. */
export function numberOf(field: Field, record: EvalRecord): number | null {
  const value = field.value(record);
  if (value === null) return null;
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  return typeof value === 'string' ? tryDouble(value) : null;
}

/** Doubles in SQL order: NaN equals itself and sorts above every other number. */
export function compareDoubles(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Values of one field in SQL order: numbers by value, text by code point (DuckDB compares
 * UTF-8 bytes), false before true.
 */
export function compareValues(a: TypedValue, b: TypedValue): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (
    (typeof a === 'number' || typeof a === 'bigint') &&
    (typeof b === 'number' || typeof b === 'bigint')
  ) {
    return compareDoubles(Number(a), Number(b));
  }
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareText(String(a), String(b));
}

/** Code point order, which is UTF-8 byte order (UTF-16 code units differ above U+D7FF). */
export function compareText(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** A predicate for a filter over records of a category; null matches everything. */
export function compileFilter(
  filter: Filter | null,
  category: Category,
): (record: EvalRecord) => boolean {
  return filter ? compile(filter, category) : () => true;
}

function compile(filter: Filter, category: Category): (record: EvalRecord) => boolean {
  switch (filter.type) {
    case 'and': {
      const children = filter.children.map((child) => compile(child, category));
      return (r) => children.every((child) => child(r));
    }
    case 'or': {
      const children = filter.children.map((child) => compile(child, category));
      return (r) => children.some((child) => child(r));
    }
    case 'not': {
      // SQL's `(x) IS NOT TRUE`: a record without the field matches `-key:value`.
      const child = compile(filter.child, category);
      return (r) => !child(r);
    }
    case 'text':
      return freeText(category, filter.value, filter.wildcard && !filter.phrase);
    case 'term':
      return term(category, filter);
  }
}

/** ILIKE `%value%` over the category's text fields: both sides lower-cased, then matched. */
function freeText(
  category: Category,
  value: string,
  wildcard: boolean,
): (record: EvalRecord) => boolean {
  const fields = textFieldsOf(category).map((name) => fieldOf(category, name));
  if (fields.length === 0) return () => false;
  const needle = value.toLowerCase();
  let test: (text: string) => boolean;
  if (wildcard) {
    const inner = wildcardToRegExp(needle).source.slice(1, -1);
    const pattern = new RegExp(`^[^]*${inner}[^]*$`, 'u');
    test = (text) => pattern.test(text);
  } else {
    test = (text) => text.includes(needle);
  }
  return (r) =>
    fields.some((field) => {
      const text = field.text(r);
      return text !== null && test(text.toLowerCase());
    });
}

function term(category: Category, filter: TermFilter): (record: EvalRecord) => boolean {
  const field = fieldOf(category, filter.key);
  const compare = (accept: (order: number) => boolean, bound: number) => (r: EvalRecord) => {
    const n = numberOf(field, r);
    return n !== null && accept(compareDoubles(n, bound));
  };
  switch (filter.op) {
    case 'exists':
      return (r) => field.value(r) !== null;
    case 'eq': {
      if (field.type === 'number') {
        const wanted = filter.value.number ?? Number.NaN;
        return (r) => {
          const n = numberOf(field, r);
          return n !== null && compareDoubles(n, wanted) === 0;
        };
      }
      if (field.type === 'boolean') {
        const wanted = /^(t|true)$/i.test(filter.value.text);
        return (r) => field.value(r) === wanted;
      }
      const wanted = filter.value.text;
      return (r) => field.value(r) === wanted;
    }
    case 'wildcard': {
      // LIKE: the whole value, case-sensitive; `?` is one character.
      const pattern = wildcardToRegExp(filter.value.text);
      return (r) => {
        const text = field.text(r);
        return text !== null && pattern.test(text);
      };
    }
    case 'gt':
      return compare((o) => o > 0, filter.value.number);
    case 'gte':
      return compare((o) => o >= 0, filter.value.number);
    case 'lt':
      return compare((o) => o < 0, filter.value.number);
    case 'lte':
      return compare((o) => o <= 0, filter.value.number);
    case 'range': {
      const low = filter.from.number;
      const high = filter.to.number;
      const inclusive = filter.inclusive;
      return (r) => {
        const n = numberOf(field, r);
        if (n === null) return false;
        const above = compareDoubles(n, low);
        const below = compareDoubles(n, high);
        return inclusive ? above >= 0 && below <= 0 : above > 0 && below < 0;
      };
    }
  }
}
