import { describe, expect, it } from 'vitest';
import { rateVital } from './vitals.js';

describe('web vitals ratings', () => {
  it('rates at the thresholds as web.dev does: good up to good, poor above poor', () => {
    expect(rateVital('largest_contentful_paint', 2_500e6)).toBe('good');
    expect(rateVital('largest_contentful_paint', 2_500e6 + 1)).toBe('needs_improvement');
    expect(rateVital('largest_contentful_paint', 4_000e6)).toBe('needs_improvement');
    expect(rateVital('largest_contentful_paint', 4_000e6 + 1)).toBe('poor');
    expect(rateVital('cumulative_layout_shift', 0.1)).toBe('good');
    expect(rateVital('cumulative_layout_shift', 0.3)).toBe('poor');
    expect(rateVital('interaction_to_next_paint', '350000000')).toBe('needs_improvement');
  });

  it('rates nothing that is not a vital or not a number', () => {
    expect(rateVital('loading_time', 1)).toBeNull();
    expect(rateVital('largest_contentful_paint', null)).toBeNull();
    expect(rateVital('largest_contentful_paint', '')).toBeNull();
    expect(rateVital('largest_contentful_paint', 'fast')).toBeNull();
  });
});
