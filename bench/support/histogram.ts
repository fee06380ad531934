/**
 * A log-linear latency histogram in the spirit of HdrHistogram: values in microseconds,
 * 32 linear sub-buckets per power of two, so every percentile is within 3% of the truth,
 * in a few KB whatever the number of samples.
 */
export interface Histogram {
  record(micros: number): void;
  merge(other: SerializedHistogram): void;
  count(): number;
  /** The value at or below which `p` percent of the samples lie, in microseconds. */
  percentile(p: number): number;
  max(): number;
  mean(): number;
  toJSON(): SerializedHistogram;
}

export interface SerializedHistogram {
  counts: number[];
  total: number;
  sum: number;
  max: number;
}

const SUB_BITS = 6;
const SUB = 1 << SUB_BITS;
const BUCKETS = SUB * 40; // up to 2^40 µs, about 12 days

function indexOf(value: number): number {
  const v = Math.max(0, Math.floor(value));
  if (v < SUB) return v;
  const exponent = Math.floor(Math.log2(v)) - SUB_BITS + 1;
  const sub = Math.floor(v / 2 ** exponent); // in [SUB/2 .. SUB)
  return Math.min(BUCKETS - 1, exponent * (SUB / 2) + sub);
}

/** The highest value that falls in bucket `index`. */
function bucketValue(index: number): number {
  if (index < SUB) return index;
  const exponent = Math.floor((index - SUB / 2) / (SUB / 2));
  const sub = index - exponent * (SUB / 2);
  return (sub + 1) * 2 ** exponent - 1;
}

export function createHistogram(): Histogram {
  const counts = new Array<number>(BUCKETS).fill(0);
  let total = 0;
  let sum = 0;
  let max = 0;
  return {
    record(micros) {
      const i = indexOf(micros);
      counts[i] = (counts[i] as number) + 1;
      total++;
      sum += micros;
      if (micros > max) max = micros;
    },
    merge(other) {
      other.counts.forEach((c, i) => {
        counts[i] = (counts[i] as number) + c;
      });
      total += other.total;
      sum += other.sum;
      max = Math.max(max, other.max);
    },
    count: () => total,
    percentile(p) {
      if (total === 0) return 0;
      const rank = Math.ceil((p / 100) * total);
      let seen = 0;
      for (let i = 0; i < BUCKETS; i++) {
        seen += counts[i] as number;
        if (seen >= rank) return Math.min(bucketValue(i), max);
      }
      return max;
    },
    max: () => max,
    mean: () => (total === 0 ? 0 : sum / total),
    toJSON: () => ({ counts: [...counts], total, sum, max }),
  };
}
