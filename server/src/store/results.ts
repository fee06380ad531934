// How query answers are shaped, whatever engine computed them: buckets filled and stacked,
// analysis series ranked, error groups read, chosen columns picked. Each engine's SQL returns
// rows in the shapes below (aliases b, g<i>, v, k<i>, n, first_seen, last_seen, id, sampled).
import type { AnalysisResult, HistogramResult } from '@rumkit/core/api';
import { bucketStarts, stackOrder } from '@rumkit/core/rules';
import type { AnalysisQuery, ErrorGroup, StoredRecord, StoredValue } from './types.js';

/** A histogram stacks this many groups; the rest are one "other" stack. */
export const TOP_GROUPS = 10;

/** The percentile aggregates and their fractions; both engines compute them exactly. */
export const PERCENTILES: Readonly<Record<string, number>> = {
  p50: 0.5,
  p75: 0.75,
  p90: 0.9,
  p95: 0.95,
  p99: 0.99,
};

type Row = Record<string, unknown>;

/** Every bucket of the range, in order, with what `at` gives for its index. */
export function fill<T>(
  range: { from: number; to: number },
  interval: number,
  at: (index: number) => T,
): (T & { time: number })[] {
  return bucketStarts(range.from, range.to, interval).map((time, i) => ({ ...at(i), time }));
}

/** A histogram from (bucket, count) pairs. */
export function countHistogram(
  range: { from: number; to: number },
  interval: number,
  rows: Iterable<readonly [unknown, unknown]>,
): HistogramResult {
  const counts = new Map<number, number>();
  for (const [b, n] of rows) counts.set(Number(b), Number(n));
  return {
    interval_ms: interval,
    groups: [],
    buckets: fill(range, interval, (i) => ({ count: counts.get(i) ?? 0 })),
  };
}

/** A stacked histogram from (bucket, stack, count) triples. */
export function stackedHistogram(
  range: { from: number; to: number },
  interval: number,
  rows: Iterable<readonly [unknown, unknown, unknown]>,
): HistogramResult {
  const byBucket = new Map<number, Record<string, number>>();
  const totals = new Map<string, number>();
  for (const [b, g, n] of rows) {
    const stack = String(g);
    const counts = byBucket.get(Number(b)) ?? {};
    counts[stack] = Number(n);
    byBucket.set(Number(b), counts);
    totals.set(stack, (totals.get(stack) ?? 0) + Number(n));
  }
  return {
    interval_ms: interval,
    groups: stackOrder(totals),
    buckets: fill(range, interval, (i) => {
      const by = byBucket.get(i) ?? {};
      return { count: Object.values(by).reduce((a, b) => a + b, 0), by_group: by };
    }),
  };
}

/**
 * An analysis answer from the top groups' totals (`g<i>`, `v`) and, for a time series, their
 * buckets (`g<i>`, `b`, `v`). Totals come in any order: they are ranked here, nulls last.
 */
export function analysisResult(
  query: AnalysisQuery,
  interval: number | null,
  totals: readonly Row[],
  buckets: readonly Row[],
  read: (name: string, value: unknown) => string | number | boolean | null,
): AnalysisResult {
  const groupOf = (row: Row) =>
    Object.fromEntries(query.groupBy.map((name, i) => [name, read(name, row[`g${i}`])]));
  const value = (row: Row) => (row.v == null ? null : Number(row.v));
  const series = [...totals]
    .sort((a, b) => (value(b) ?? -Infinity) - (value(a) ?? -Infinity))
    .map((row) => ({ group: groupOf(row), value: value(row) }));
  if (interval === null) return { mode: 'toplist', interval_ms: null, series };

  const key = (group: Record<string, unknown>) =>
    JSON.stringify(query.groupBy.map((n) => group[n]));
  const points = new Map<string, Map<number, number | null>>();
  for (const row of buckets) {
    const k = key(groupOf(row));
    const byBucket = points.get(k) ?? new Map<number, number | null>();
    byBucket.set(Number(row.b), value(row));
    points.set(k, byBucket);
  }
  return {
    mode: 'timeseries',
    interval_ms: interval,
    series: series.map((s) => {
      const byBucket = points.get(key(s.group)) ?? new Map();
      return {
        ...s,
        points: fill(query, interval, (i) => ({
          value: byBucket.get(i) ?? (query.aggregate === 'count' ? 0 : null),
        })),
      };
    }),
  };
}

/**
 * Error groups from rows of `k<i>` (a custom key's as JSON text), `n`, `first_seen`,
 * `last_seen`, `id` and `sampled`.
 */
export function errorGroupsResult(
  rows: readonly Row[],
  keys: readonly { name: string; custom: boolean }[],
  read: (name: string, value: unknown) => StoredValue,
): { sampled: number; groups: ErrorGroup[] } {
  return {
    sampled: Number(rows[0]?.sampled ?? 0),
    groups: rows.map((row) => ({
      values: Object.fromEntries(
        keys.map((k, i) => {
          const value = row[`k${i}`];
          if (value == null) return [k.name, null];
          return [k.name, k.custom ? JSON.parse(String(value)) : read(k.name, value)];
        }),
      ) as Record<string, StoredValue>,
      errorId: row.id == null ? null : String(row.id),
      count: Number(row.n),
      firstSeen: Number(row.first_seen),
      lastSeen: Number(row.last_seen),
    })),
  };
}

/** A record cut to the chosen columns (a custom key's value from `custom`). */
export function pickColumns(full: StoredRecord, columns: readonly string[] | undefined) {
  if (!columns) return full;
  const picked: StoredRecord = { time: full.time, workspace_id: full.workspace_id, custom: {} };
  for (const column of columns) {
    if (column in full) picked[column] = full[column];
    else if (column in full.custom) picked.custom[column] = full.custom[column] as never;
  }
  return picked;
}

/** Text for a LIKE pattern, its wildcards escaped (with `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '\\$&');
}
