import type { AnalysisResult } from '@rumkit/core/api';
import { bucketInterval } from '@rumkit/core/rules';
import { fieldNamesOf } from '../columns.js';
import { analysisResult, errorGroupsResult, PERCENTILES } from '../results.js';
import type { AnalysisQuery, ErrorGroup, ErrorGroupsQuery } from '../types.js';
import type { Executor } from './executor.js';
import { bucketOf, plain } from './explore.js';
import { Sql } from './query.js';
import { readValue } from './rows.js';

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
  return analysisResult(query, interval, totals, buckets, plain);
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
  return errorGroupsResult(rows, keys, readValue);
}
