/**
 * Web Vitals and their thresholds (web.dev's, which Guance's dashboards use): at or under
 * `good` is good, over `poor` is poor, between needs improvement. Durations are in ns, as
 * stored; CLS is unitless.
 */
export const VITALS = [
  { field: 'largest_contentful_paint', name: 'LCP', good: 2_500e6, poor: 4_000e6 },
  { field: 'interaction_to_next_paint', name: 'INP', good: 200e6, poor: 500e6 },
  { field: 'cumulative_layout_shift', name: 'CLS', good: 0.1, poor: 0.25 },
  { field: 'first_contentful_paint', name: 'FCP', good: 1_800e6, poor: 3_000e6 },
  { field: 'first_byte', name: 'TTFB', good: 800e6, poor: 1_800e6 },
  { field: 'first_input_delay', name: 'FID', good: 100e6, poor: 300e6 },
] as const;

export type Vital = (typeof VITALS)[number];
export type VitalRating = 'good' | 'needs_improvement' | 'poor';

/** How a vital's value rates; null when the field is not a vital or the value not a number. */
export function rateVital(field: string, value: unknown): VitalRating | null {
  const vital = VITALS.find((v) => v.field === field);
  const number = typeof value === 'string' && value !== '' ? Number(value) : value;
  if (!vital || typeof number !== 'number' || !Number.isFinite(number)) return null;
  if (number <= vital.good) return 'good';
  return number <= vital.poor ? 'needs_improvement' : 'poor';
}
