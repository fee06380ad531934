import { getField } from '@rumkit/core/schema';
import type { StoredValue } from '../types.js';

/** A 64-bit integer as JavaScript keeps it: a number when exact, else the bigint. */
export function exactInteger(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

/**
 * A value read back from JSON, where integers past 2^53 were written as text: an integer
 * field's text is its exact value again.
 */
export function fromJson(name: string, value: StoredValue): StoredValue {
  return typeof value === 'string' && getField(name)?.type === 'integer' ? BigInt(value) : value;
}
