import type { AnalysisResult } from '@rumkit/core/api';
import { bucketInterval } from '@rumkit/core/rules';
import { fieldNamesOf } from '../columns.js';
import type { AnalysisQuery, ErrorGroup, ErrorGroupsQuery, StoredValue } from '../types.js';
import type { Executor } from './executor.js';
import { bucketOf, fill, plain } from './explore.js';
import { Sql } from './query.js';
import { readValue } from './rows.js';

const PERCENTILES: Record<string, number> = { p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95, p99: 0.99 };

function aggregateSql(sql: Sql, query: AnalysisQuery): string {
  if (query.aggregate === 'count') return 'count()';
  const field = sql.field(query.field as string);
  const value = field.kind === 'number' ? field.sql : `toFloat64OrNull(toString(${field.sql}))`;
  const p = PERCENTILES[query.aggregate];
  // Exact and interpolated between the two nearest values (R-7), as DuckDB's quantile_cont.
  if (p !== undefined) return `quantileExactInclusive(${p})(${value})`;
  return `${query.aggregate}(${value})`;
}

type Row = Record<string, unknown>;

/**
 * The top groups by the aggregate, and for a time series their buckets: a second statement
 * restricted to the top groups (`transform_null_in`, so a missing tag is a group of its own).
 */
export async function analysis(
  executor: Executor,
  database: string,
  query: AnalysisQuery,
): Promise<AnalysisResult> {
  const sql = new Sql(database, query.category);
  const where = sql.scope(query);
  const groups = query.groupBy.map((name) => sql.field(name).sql);
  const aggregate = aggregateSql(sql, query);
  const names = groups.map((_, i) => `g${i}`);
  const picked = groups.map((g, i) => `${g} AS g${i}, `).join('');
  const top = `SELECT ${picked}${aggregate} AS v FROM ${sql.from()} WHERE ${where}
     ${groups.length > 0 ? `GROUP BY ${names.join(', ')}` : ''} ORDER BY v DESC NULLS LAST LIMIT ${Math.max(0, Math.floor(query.limit))}`;
  const interval =
    query.mode === 'timeseries' ? bucketInterval(query.from, query.to, query.buckets) : null;
  const bucket = interval === null ? '' : bucketOf(sql, query.from, interval);
  const [totals, buckets] = await Promise.all([
    executor.query<Row>(top, sql.params),
    interval === null
      ? Promise.resolve([])
      : executor.query<Row>(
          `SELECT ${picked}${bucket} AS b, ${aggregate} AS v FROM ${sql.from()} WHERE ${where}
           ${groups.length > 0 ? `AND (${names.join(', ')}) IN (SELECT ${names.join(', ')} FROM (${top}))` : ''}
           GROUP BY ${[...names, 'b'].join(', ')} SETTINGS transform_null_in = 1`,
          sql.params,
        ),
  ]);
  const groupOf = (row: Row) =>
    Object.fromEntries(query.groupBy.map((name, i) => [name, plain(name, row[`g${i}`])]));
  const value = (row: Row) => (row.v == null ? null : Number(row.v));
  const series = totals
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
 * The newest errors of the scope grouped by exact message (or field values) in the store: the
 * groups cross to JavaScript, which masks and merges them, instead of every error.
 */
export async function errorGroups(
  executor: Executor,
  database: string,
  query: ErrorGroupsQuery,
): Promise<{ sampled: number; groups: ErrorGroup[] }> {
  const sql = new Sql(database, 'error');
  const names = query.fields.length > 0 ? query.fields : ['error_message'];
  const keys = names.map((name, i) => {
    // A custom key groups by its JSON text, so 5 and "5" stay apart and come back typed.
    const custom = !fieldNamesOf('error').has(name);
    const expression = custom
      ? `nullIf(JSONExtractRaw(custom, ${sql.bind(name, 'String')}), '')`
      : sql.field(name).sql;
    return { name, custom, select: `${expression} AS k${i}` };
  });
  const where = sql.scope(query);
  const columns = keys.map((_, i) => `k${i}`).join(', ');
  const rows = await executor.query<Row>(
    `SELECT ${columns}, count() AS n, toUnixTimestamp64Milli(min(time)) AS first_seen,
       toUnixTimestamp64Milli(max(time)) AS last_seen, argMax(error_id, time) AS id,
       sum(count()) OVER () AS sampled
     FROM (SELECT time, error_id, ${keys.map((k) => k.select).join(', ')} FROM ${sql.from()}
           WHERE ${where} ORDER BY time DESC, event_id DESC LIMIT ${Math.max(0, Math.floor(query.sample))})
     GROUP BY ${columns} ORDER BY last_seen DESC`,
    sql.params,
  );
  return {
    sampled: Number(rows[0]?.sampled ?? 0),
    groups: rows.map((row) => ({
      values: Object.fromEntries(
        keys.map((k, i) => {
          const value = row[`k${i}`];
          if (value == null) return [k.name, null];
          return [k.name, k.custom ? JSON.parse(String(value)) : readValue(k.name, value)];
        }),
      ) as Record<string, StoredValue>,
      errorId: row.id == null ? null : String(row.id),
      count: Number(row.n),
      firstSeen: Number(row.first_seen),
      lastSeen: Number(row.last_seen),
    })),
  };
}
