import type { Precision } from './types.js';

export const PRECISIONS: readonly Precision[] = ['n', 'u', 'ms', 's', 'm', 'h'];

export function isPrecision(value: unknown): value is Precision {
  return (
    value === 'ms' ||
    value === 'n' ||
    value === 'u' ||
    value === 's' ||
    value === 'm' ||
    value === 'h'
  );
}

/** Rejects an unknown precision early: a typo would otherwise shift every timestamp. */
export function checkPrecision(value: unknown): Precision | undefined {
  if (value === undefined || isPrecision(value)) return value;
  throw new RangeError(`unknown precision ${JSON.stringify(value)}: use n, u, ms, s, m or h`);
}

// DataKit keeps times as int64 nanoseconds, so times outside 1677-09-21 to 2262-04-11 are
// refused rather than wrapped.
export const MAX_TIME_MS = 9223372036854.775;

const MS_PER_UNIT: Record<Precision, number> = {
  n: 1e-6,
  u: 1e-3,
  ms: 1,
  s: 1e3,
  m: 6e4,
  h: 3.6e6,
};

/**
 * DataKit's guess when no precision is given (cliutils point.detectTimestampPrecision):
 * below 1e10 seconds, below 1e13 milliseconds, below 1e16 microseconds, else nanoseconds.
 * Go's integer division makes every negative timestamp "seconds".
 */
function detect(magnitude: number): Precision {
  if (magnitude < 1e10) return 's';
  if (magnitude < 1e13) return 'ms';
  if (magnitude < 1e16) return 'u';
  return 'n';
}

/** Milliseconds from a timestamp magnitude that is an exact integer (at most 2^53); NaN when out of range. */
export function msFromUnits(magnitude: number, negative: boolean, precision?: Precision): number {
  const unit = precision ?? (negative ? 's' : detect(magnitude));
  // Dividing keeps sub-millisecond units correctly rounded; multiplying by 1e-3 would not.
  const ms =
    unit === 'ms'
      ? magnitude
      : unit === 'u'
        ? magnitude / 1e3
        : unit === 'n'
          ? magnitude / 1e6
          : magnitude * MS_PER_UNIT[unit];
  if (!(ms <= MAX_TIME_MS)) return Number.NaN;
  return negative && ms !== 0 ? -ms : ms;
}

/** Milliseconds from a run of decimal digits of any length; NaN when out of range. */
export function msFromDigits(digits: string, negative: boolean, precision?: Precision): number {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  const length = digits.length - start;
  if (length <= 15) return msFromUnits(Number(digits.slice(start)), negative, precision);
  if (length > 19) return Number.NaN;
  const unit = precision ?? (negative ? 's' : length <= 16 ? 'u' : 'n');
  if (unit !== 'u' && unit !== 'n') return Number.NaN;
  // Beyond 2^53 a plain Number() would round the integer first; split it into whole
  // milliseconds and the remainder so that the result is rounded once.
  const cut = digits.length - (unit === 'u' ? 3 : 6);
  const ms =
    Number(digits.slice(start, cut)) + Number(digits.slice(cut)) / (unit === 'u' ? 1e3 : 1e6);
  if (!(ms <= MAX_TIME_MS)) return Number.NaN;
  return negative ? -ms : ms;
}

/**
 * The integer to write for `ms` in `precision`, rounded to the nearest unit; undefined when
 * `ms` is not a finite time in range.
 */
export function unitsFromMs(ms: number, precision: Precision): string | undefined {
  if (!(Math.abs(ms) <= MAX_TIME_MS)) return undefined;
  if (precision === 'n' || precision === 'u') {
    // ms * 1e6 is not exact above 2^53; scale the whole and fractional parts apart.
    const scale = precision === 'n' ? 1e6 : 1e3;
    const whole = Math.trunc(ms);
    const part = Math.round((ms - whole) * scale);
    return String(BigInt(whole) * BigInt(scale) + BigInt(part));
  }
  const units = Math.round(precision === 'ms' ? ms : ms / MS_PER_UNIT[precision]);
  return units === 0 ? '0' : String(units);
}
