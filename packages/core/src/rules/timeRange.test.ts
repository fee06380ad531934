import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RANGE,
  isValidRange,
  parseRange,
  parseSpan,
  printRange,
  resolveRange,
} from './timeRange.js';

describe('time ranges', () => {
  it('reads spans in seconds, minutes, hours, days and weeks', () => {
    expect(parseSpan('15m')).toBe(900_000);
    expect(parseSpan('4h')).toBe(14_400_000);
    expect(parseSpan('7d')).toBe(604_800_000);
    expect(parseSpan('2w')).toBe(1_209_600_000);
    expect(parseSpan('30s')).toBe(30_000);
  });

  it('refuses spans that are empty, zero, unitless or longer than 400 days', () => {
    for (const text of ['', '0m', '15', 'm', '1y', '401d', '-5m', '1.5h']) {
      expect(parseSpan(text)).toBeNull();
    }
    expect(parseSpan('400d')).toBe(400 * 86_400_000);
  });

  it('defaults to the last 15 minutes, ending now', () => {
    expect(resolveRange(DEFAULT_RANGE, 1_000_000_000)).toEqual({
      from: 1_000_000_000 - 900_000,
      to: 1_000_000_000,
    });
  });

  it('keeps an absolute range as it is', () => {
    expect(resolveRange({ type: 'absolute', from: 5, to: 9 }, 100)).toEqual({ from: 5, to: 9 });
  });

  it('round-trips relative and absolute ranges through the URL form', () => {
    for (const range of [
      { type: 'relative', last: '1h' } as const,
      { type: 'absolute', from: 1_700_000_000_000, to: 1_700_000_900_000 } as const,
    ]) {
      expect(parseRange(printRange(range))).toEqual(range);
    }
  });

  it('answers null for a range that is backwards, empty, too long or unreadable', () => {
    expect(parseRange('900~100')).toBeNull();
    expect(parseRange('100~100')).toBeNull();
    expect(parseRange(`0~${401 * 86_400_000}`)).toBeNull();
    expect(parseRange('yesterday')).toBeNull();
    expect(isValidRange({ type: 'absolute', from: 0.5, to: 2 })).toBe(false);
  });
});
