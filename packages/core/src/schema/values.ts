import type { ValueType } from './field-def.js';

/** A value as decoded from line protocol or a JSON body. */
export type RawValue = string | number | bigint | boolean;

/** A value read as its catalogue type. */
export type TypedValue = string | number | bigint | boolean;

// Line protocol's boolean spellings, plus T/F which is how is_signin travels.
const TRUE = new Set(['t', 'T', 'true', 'True', 'TRUE']);
const FALSE = new Set(['f', 'F', 'false', 'False', 'FALSE']);
const INTEGER = /^[-+]?\d+$/;
const FLOAT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Reads a raw value as `type`, or returns undefined when it does not fit.
 * Tags are always strings on the wire, so numbers and booleans are also read
 * from their text; integers accept integral floats because the browser SDK
 * sends numbers without the `i` suffix.
 */
export function parseValue(type: ValueType, raw: RawValue): TypedValue | undefined {
  switch (type) {
    case 'integer':
      return parseInteger(raw);
    case 'float':
      return parseFloatValue(raw);
    case 'boolean':
      return parseBoolean(raw);
    case 'string':
    case 'json':
      // JSON is not parsed: mobile SDKs send some of it raw (a query string, say).
      return typeof raw === 'string' ? raw : undefined;
  }
}

function parseInteger(raw: RawValue): number | bigint | undefined {
  if (typeof raw === 'bigint') return raw;
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (INTEGER.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : BigInt(text);
  }
  if (FLOAT.test(text)) {
    const value = Number(text);
    return Number.isInteger(value) ? value : undefined;
  }
  return undefined;
}

function parseFloatValue(raw: RawValue): number | undefined {
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return FLOAT.test(text) ? Number(text) : undefined;
}

function parseBoolean(raw: RawValue): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return undefined;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  return undefined;
}
