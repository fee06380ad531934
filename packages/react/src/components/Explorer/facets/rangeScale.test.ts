import { describe, expect, it } from 'vitest';
import { fromPosition, STEPS, toPosition } from './rangeScale.js';

describe('range slider scale', () => {
  const durations = { min: 0, max: 7.3e9, log: true };

  it('puts the ends of the extent at the ends of the slider', () => {
    expect(toPosition(0, durations)).toBe(0);
    expect(toPosition(7.3e9, durations)).toBe(STEPS);
    expect(fromPosition(0, durations)).toBe(0);
    expect(fromPosition(STEPS, durations)).toBe(7.3e9);
    expect(toPosition(9e9, durations)).toBe(STEPS);
  });

  it('gives durations a logarithmic slider, so the middle is far below half the maximum', () => {
    const middle = fromPosition(STEPS / 2, durations);
    expect(middle).toBeLessThan(1e6);
    expect(middle).toBeGreaterThan(1e4);
    expect(toPosition(middle, durations)).toBe(STEPS / 2);
    expect(fromPosition(STEPS / 2, { min: 0, max: 10, log: false })).toBe(5);
  });

  it('rounds values to three significant digits and copes with a single value', () => {
    expect(String(fromPosition(333, { min: 0, max: 1, log: false }))).toBe('0.333');
    expect(toPosition(5, { min: 5, max: 5, log: true })).toBe(0);
  });
});
