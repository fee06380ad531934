/** Timestamp precision of a body, as in DataKit's `precision` query parameter. */
export type Precision = 'n' | 'u' | 'ms' | 's' | 'm' | 'h';

/**
 * A field value. Numbers written without a suffix are floats in DataKit; integers
 * (`i`, `u`) decode to a `number` when they fit in Number.MAX_SAFE_INTEGER and to a
 * `bigint` otherwise, and a `bigint` is written back with a suffix.
 */
export type FieldValue = number | bigint | string | boolean;

/** One DataKit point: a RUM event on the wire. */
export interface Point {
  measurement: string;
  tags: Record<string, string>;
  fields: Record<string, FieldValue>;
  /** Milliseconds since the epoch, fractional below 1 ms; undefined means "arrival time". */
  time?: number;
}

export interface DecodeOptions {
  /** Precision of the timestamps; default: detected per point, as DataKit does. */
  precision?: Precision;
}

export interface EncodeOptions {
  /** Precision to write timestamps in; default `ms`, what the browser SDK sends. */
  precision?: Precision;
}
