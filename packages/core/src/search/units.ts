import { getField } from '../schema/index.js';
import type { DurationUnit, NumericValue } from './ast.js';

/** Spellings accepted after a number, with the power of ten and factor that make them ns. */
const UNITS: Record<string, { unit: DurationUnit; exponent: number; factor: number }> = {
  ns: { unit: 'ns', exponent: 0, factor: 1 },
  us: { unit: 'us', exponent: 3, factor: 1 },
  μs: { unit: 'us', exponent: 3, factor: 1 }, // U+03BC Greek mu
  µs: { unit: 'us', exponent: 3, factor: 1 }, // U+00B5 micro sign, what most keyboards type
  ms: { unit: 'ms', exponent: 6, factor: 1 },
  s: { unit: 's', exponent: 9, factor: 1 },
  m: { unit: 'min', exponent: 9, factor: 60 },
  min: { unit: 'min', exponent: 9, factor: 60 },
  h: { unit: 'h', exponent: 9, factor: 3600 },
};

export const UNIT_SPELLINGS = Object.keys(UNITS);

// Mantissa and exponent are kept apart so that a unit shifts the exponent in
// decimal: Number('1.1e6') is exactly 1100000 where 1.1 * 1e6 is not.
const NUMBER = /^([-+]?(?:\d+\.?\d*|\.\d+))(?:[eE]([-+]?\d+))?(\p{L}+)?$/u;

export type NumberReading =
  | { ok: true; value: NumericValue }
  | { ok: false; reason: 'not_a_number' | 'unknown_unit' | 'unit_not_allowed'; unit?: string };

/**
 * Reads `text` as a number for `key`. A bare number is taken in the field's own
 * catalogue unit (ns for durations), as Datadog does. A duration unit converts
 * to the field's unit when the catalogue gives it one (ns or ms); on a key the
 * catalogue does not know (a custom key) it converts to ns, the house unit for
 * durations; on a known field that is not a duration it is refused.
 */
export function readNumber(key: string, text: string): NumberReading {
  const match = NUMBER.exec(text);
  if (!match) return { ok: false, reason: 'not_a_number' };
  const [, mantissa = '', exponentText = '0', spelling] = match;
  const exponent = Number(exponentText);
  if (spelling === undefined) return finite(Number(`${mantissa}e${exponent}`), { text });
  const unit = UNITS[spelling];
  if (!unit) return { ok: false, reason: 'unknown_unit', unit: spelling };
  const def = getField(key);
  let shift = unit.exponent;
  if (def?.unit === 'ms') shift -= 6;
  else if (def && def.unit !== 'ns')
    return { ok: false, reason: 'unit_not_allowed', unit: spelling };
  return finite(Number(`${mantissa}e${exponent + shift}`) * unit.factor, { text, unit: unit.unit });
}

function finite(number: number, value: { text: string; unit?: DurationUnit }): NumberReading {
  if (!Number.isFinite(number)) return { ok: false, reason: 'not_a_number' };
  return { ok: true, value: { text: value.text, number, ...(value.unit && { unit: value.unit }) } };
}
