/**
 * A token bucket per client: `rate` requests a second on average, bursts up to `burst`.
 * `take` answers 0 when the request may go, else the ms to wait. Idle buckets are dropped.
 */
export interface RateLimiter {
  take(client: string): number;
}

export function createRateLimiter(options: {
  rate: number;
  burst: number;
  clock: () => number;
}): RateLimiter {
  const { rate, burst, clock } = options;
  if (rate <= 0) return { take: () => 0 };
  const buckets = new Map<string, { tokens: number; at: number }>();
  let sweptAt = clock();
  return {
    take(client) {
      const now = clock();
      if (now - sweptAt > 60_000) {
        for (const [key, bucket] of buckets) if (now - bucket.at > 60_000) buckets.delete(key);
        sweptAt = now;
      }
      const bucket = buckets.get(client) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
      bucket.at = now;
      buckets.set(client, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - bucket.tokens) / rate) * 1000);
    },
  };
}
