import { describe, expect, it } from 'vitest';
import { isPrecision, MAX_TIME_MS, msFromDigits, msFromUnits, unitsFromMs } from './precision.js';

describe('precision', () => {
  it('knows the six precisions of DataKit', () => {
    expect(['n', 'u', 'ms', 's', 'm', 'h'].every(isPrecision)).toBe(true);
    expect(isPrecision('ns')).toBe(false);
    expect(isPrecision(undefined)).toBe(false);
  });

  it('guesses like DataKit: seconds below 1e10, ms below 1e13, µs below 1e16, else ns', () => {
    expect(msFromUnits(9_999_999_999, false)).toBeNaN();
    expect(msFromUnits(1_716_544_492, false)).toBe(1_716_544_492_000);
    expect(msFromUnits(10_000_000_000, false)).toBe(10_000_000_000);
    expect(msFromUnits(9_000_000_000_000, false)).toBe(9_000_000_000_000);
    expect(msFromUnits(10_000_000_000_000, false)).toBe(10_000_000_000);
    expect(msFromDigits('10000000000000000', false)).toBe(10_000_000_000);
    expect(msFromDigits('0001716544492', false)).toBe(1_716_544_492_000);
    // Go's integer division makes every negative timestamp seconds.
    expect(msFromUnits(1_716_544_492_000, true)).toBeNaN();
    expect(msFromUnits(60, true)).toBe(-60_000);
  });

  it('bounds times to the int64 nanoseconds of DataKit', () => {
    expect(msFromDigits('9223372036854775807', false, 'n')).toBe(MAX_TIME_MS);
    expect(msFromDigits('9223372036854777000', false, 'n')).toBeNaN();
    expect(msFromDigits('92233720368547758070', false, 'n')).toBeNaN();
    expect(unitsFromMs(MAX_TIME_MS + 1, 'ms')).toBeUndefined();
    expect(unitsFromMs(Number.NaN, 'ms')).toBeUndefined();
  });

  it('writes exact integers in each unit', () => {
    expect(unitsFromMs(1636524705407.123, 'n')).toBe('1636524705407123047');
    expect(unitsFromMs(-1.5, 'u')).toBe('-1500');
    expect(unitsFromMs(-0, 'ms')).toBe('0');
    expect(unitsFromMs(0.4, 's')).toBe('0');
  });
});
