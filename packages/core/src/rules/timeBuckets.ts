// Time buckets of the explorer's histogram and time series (decision 005): the smallest round
// interval that fits the range in the buckets asked, buckets counted from the range's start.

const SECOND = 1000;
const NICE_INTERVALS = [
  1,
  5,
  10,
  30,
  60,
  300,
  600,
  900,
  1800,
  3600,
  3 * 3600,
  6 * 3600,
  12 * 3600,
  86400,
  7 * 86400,
].map((s) => s * SECOND);
const LARGEST = NICE_INTERVALS[NICE_INTERVALS.length - 1] as number;

/**
 * The smallest round interval (1 s … 7 d, then whole weeks) that fits `[from, to)` in at most
 * `buckets` buckets, in ms.
 */
export function bucketInterval(from: number, to: number, buckets: number): number {
  const min = (to - from) / buckets;
  return NICE_INTERVALS.find((i) => i >= min) ?? Math.ceil(min / LARGEST) * LARGEST;
}

/** The start of every bucket of `[from, to)`, the first at `from`; the last may run past `to`. */
export function bucketStarts(from: number, to: number, interval: number): number[] {
  const starts: number[] = [];
  for (let time = from; time < to; time += interval) starts.push(time);
  return starts;
}

/** Which bucket a time falls in, counted from `from`. */
export function bucketIndex(time: number, from: number, interval: number): number {
  return Math.floor((time - from) / interval);
}

/** The stack that holds the values past a stacked histogram's top ones. */
export const OTHER_STACK = 'other';

/** A stacked histogram's stacks: the largest total first (ties by name), `other` last. */
export function stackOrder(totals: ReadonlyMap<string, number>): string[] {
  return [...totals.keys()].sort((a, b) =>
    a === OTHER_STACK
      ? 1
      : b === OTHER_STACK
        ? -1
        : (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b),
  );
}
