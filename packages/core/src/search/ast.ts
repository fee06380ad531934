/** Half-open UTF-16 offsets `[start, end)` into the query text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Durations written in a query are converted to the field's unit; this is the unit written. */
export type DurationUnit = 'ns' | 'us' | 'ms' | 's' | 'min' | 'h';

export interface SearchValue {
  /**
   * What the user means, escapes and quotes removed. For `wildcard` terms and
   * wildcard texts it is a glob instead: `*` and `?` are wildcards and `\*`,
   * `\?`, `\\` stand for the literal characters (see wildcardToLike).
   */
  readonly text: string;
  /**
   * The number the text denotes, in the field's catalogue unit, when it is one
   * (`200ms` on an `ns` field is 200_000_000). Absent for non-numeric text.
   */
  readonly number?: number;
  /** The duration unit written after the number, if any. */
  readonly unit?: DurationUnit;
}

export interface NumericValue extends SearchValue {
  readonly number: number;
}

export type CompareOp = 'gt' | 'gte' | 'lt' | 'lte';
export type TermOp = 'eq' | 'wildcard' | 'exists' | CompareOp | 'range';

interface TermBase {
  readonly type: 'term';
  /** The field name, with a Datadog-style leading `@` dropped. */
  readonly key: string;
  /** Where the key is written (for `key:(a OR b)`, the one shared key). */
  readonly keySpan: Span;
  /** `key:value`; inside a value group `key:(a OR b)`, just the value. */
  readonly span: Span;
}

/** `key:value`, `key:"a b"`. */
export interface EqTerm extends TermBase {
  readonly op: 'eq';
  readonly value: SearchValue;
}

/** `key:val*`, `key:a?c`; `value.text` is a glob. */
export interface WildcardTerm extends TermBase {
  readonly op: 'wildcard';
  readonly value: SearchValue;
}

/** `key:*`: the field is present. */
export interface ExistsTerm extends TermBase {
  readonly op: 'exists';
}

/** `key:>n`, `key:>=n`, `key:<n`, `key:<=n`. */
export interface CompareTerm extends TermBase {
  readonly op: CompareOp;
  readonly value: NumericValue;
}

/** `key:[a TO b]` (inclusive) or `key:{a TO b}` (exclusive). */
export interface RangeTerm extends TermBase {
  readonly op: 'range';
  readonly from: NumericValue;
  readonly to: NumericValue;
  readonly inclusive: boolean;
}

export type TermFilter = EqTerm | WildcardTerm | ExistsTerm | CompareTerm | RangeTerm;

/** Free text matched against the category's text fields (textFieldsOf). */
export interface TextFilter {
  readonly type: 'text';
  /** A glob when `wildcard` is true (see SearchValue.text). */
  readonly value: string;
  /** Written in quotes: matched as a whole, wildcards are literal. */
  readonly phrase: boolean;
  readonly wildcard: boolean;
  readonly span: Span;
}

/** Never nested in another `and`, always two or more children. */
export interface AndFilter {
  readonly type: 'and';
  readonly children: readonly Filter[];
  readonly span: Span;
}

/** Never nested in another `or`, always two or more children. */
export interface OrFilter {
  readonly type: 'or';
  readonly children: readonly Filter[];
  readonly span: Span;
}

/** `NOT x`, `-x`, `-key:value`. */
export interface NotFilter {
  readonly type: 'not';
  readonly child: Filter;
  readonly span: Span;
}

export type Filter = AndFilter | OrFilter | NotFilter | TextFilter | TermFilter;

/** Spans only point into the text a filter was parsed from; comparisons ignore them. */
export function sameSearch(a: Filter | null, b: Filter | null): boolean {
  if (a === null || b === null) return a === b;
  switch (a.type) {
    case 'and':
    case 'or':
      return (
        b.type === a.type &&
        a.children.length === b.children.length &&
        a.children.every((child, i) => sameSearch(child, b.children[i] ?? null))
      );
    case 'not':
      return b.type === 'not' && sameSearch(a.child, b.child);
    case 'text':
      return (
        b.type === 'text' &&
        a.value === b.value &&
        a.phrase === b.phrase &&
        a.wildcard === b.wildcard
      );
    case 'term':
      return b.type === 'term' && sameTerm(a, b);
  }
}

function sameTerm(a: TermFilter, b: TermFilter): boolean {
  if (a.key !== b.key || a.op !== b.op) return false;
  switch (a.op) {
    case 'exists':
      return true;
    case 'range':
      return (
        b.op === 'range' &&
        a.inclusive === b.inclusive &&
        sameValue(a.from, b.from) &&
        sameValue(a.to, b.to)
      );
    default:
      return 'value' in b && sameValue(a.value, b.value);
  }
}

function sameValue(a: SearchValue, b: SearchValue): boolean {
  return a.text === b.text && a.number === b.number && a.unit === b.unit;
}
