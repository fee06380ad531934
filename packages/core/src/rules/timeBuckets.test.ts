import { describe, expect, it } from 'vitest';
import { bucketIndex, bucketInterval, bucketStarts } from './timeBuckets.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('time buckets', () => {
  it('picks the smallest round interval that fits the range in the buckets asked', () => {
    expect(bucketInterval(0, 120 * MIN, 12)).toBe(10 * MIN);
    expect(bucketInterval(0, 120 * MIN, 120)).toBe(MIN);
    expect(bucketInterval(0, 120 * MIN, 100)).toBe(5 * MIN);
    expect(bucketInterval(0, 1000, 60)).toBe(1000);
    expect(bucketInterval(0, DAY, 60)).toBe(30 * MIN);
  });

  it('uses whole weeks past a week a bucket', () => {
    expect(bucketInterval(0, 400 * DAY, 10)).toBe(42 * DAY);
  });

  it('starts the buckets at the range start and covers the whole range', () => {
    expect(bucketStarts(100, 100 + 25 * MIN, 10 * MIN)).toEqual([
      100,
      100 + 10 * MIN,
      100 + 20 * MIN,
    ]);
    expect(bucketIndex(100 + 20 * MIN, 100, 10 * MIN)).toBe(2);
    expect(bucketIndex(100 + 20 * MIN - 1, 100, 10 * MIN)).toBe(1);
  });
});
