import type { FacetResult, HistogramResult } from '@rumkit/core/api';
import { bucketInterval, OTHER_STACK } from '@rumkit/core/rules';
import { CursorError, decodeCursor, encodeCursor } from '../cursor.js';
import {
  countHistogram,
  escapeLike,
  pickColumns,
  stackedHistogram,
  TOP_GROUPS,
} from '../results.js';
import type { FacetQuery, HistogramQuery, SearchQuery, StoredRecord } from '../types.js';
import type { Executor } from './executor.js';
import { Sql } from './query.js';
import { readValue, toRecord } from './rows.js';

/** ClickHouse's row id: the event's UUID. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Values as JSON can carry them: 64-bit integers past 2^53 stay strings. */
export function plain(name: string, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  const read = readValue(name, value);
  if (typeof read !== 'bigint') return read;
  return read.toString();
}

/**
 * A page of a search, keyset-paged on (sort value, event id) or (time, event id): a page never
 * repeats or skips a row, however deep. ClickHouse reads a time range through the sort key, so
 * one statement serves it (DuckDB's growing windows are not needed).
 */
export async function search(
  executor: Executor,
  database: string,
  query: SearchQuery,
): Promise<{ rows: StoredRecord[]; nextCursor: string | null }> {
  const cursor = query.cursor ? decodeCursor(query.cursor, UUID) : {};
  const byTime = !query.sort || query.sort.field === 'time';
  const dir = (query.sort?.order ?? 'desc') === 'asc' ? 'ASC' : 'DESC';
  const cmp = dir === 'ASC' ? '>' : '<';
  const sql = new Sql(database, query.category);
  const where = [sql.scope(query)];
  let orderBy: string;
  let sortValue = '';
  if (byTime) {
    if (cursor.t !== undefined && cursor.r !== undefined) {
      const t = sql.time(cursor.t);
      where.push(
        `(time ${cmp} ${t} OR (time = ${t} AND event_id ${cmp} ${sql.bind(cursor.r, 'UUID')}))`,
      );
    }
    orderBy = `time ${dir}, event_id ${dir}`;
  } else {
    const sort = sql.field(query.sort?.field ?? 'time');
    if (cursor.r !== undefined && cursor.v !== undefined) {
      const id = sql.bind(cursor.r, 'UUID');
      if (cursor.v === null) where.push(`(${sort.sql} IS NULL AND event_id ${cmp} ${id})`);
      else {
        const v = bindSortValue(sql, sort.kind, cursor.v);
        where.push(
          `(${sort.sql} ${cmp} ${v} OR (${sort.sql} = ${v} AND event_id ${cmp} ${id}) OR ${sort.sql} IS NULL)`,
        );
      }
    }
    orderBy = `_sort ${dir} NULLS LAST, event_id ${dir}`;
    sortValue = `, ${sort.sql} AS _sort`;
  }
  const records = await executor.query<Record<string, unknown>>(
    `SELECT ${sql.select(query.columns)}, event_id AS _id${sortValue} FROM ${sql.from()}
     WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ${Math.max(0, Math.floor(query.limit)) + 1}`,
    sql.params,
  );
  const page = records.slice(0, query.limit);
  const rows = page.map((record) => pickColumns(toRecord(record), query.columns));
  const last = page[page.length - 1];
  let nextCursor: string | null = null;
  if (records.length > query.limit && last) {
    nextCursor = byTime
      ? encodeCursor({ t: Number(last.time), r: String(last._id) })
      : encodeCursor({ r: String(last._id), v: plain(query.sort?.field ?? '', last._sort) });
  }
  return { rows, nextCursor };
}

function bindSortValue(sql: Sql, kind: string, value: string | number | boolean): string {
  if (kind === 'number') {
    if (typeof value === 'number') return sql.bind(value, 'Float64');
    if (typeof value === 'string' && /^-?\d{1,20}$/.test(value))
      return sql.bind(BigInt(value), 'Int64');
    throw new CursorError('the cursor is not for this sort');
  }
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') throw new CursorError('the cursor is not for this sort');
    return sql.bind(value, 'Bool');
  }
  if (typeof value !== 'string') throw new CursorError('the cursor is not for this sort');
  return sql.bind(value, 'String');
}

export async function facet(
  executor: Executor,
  database: string,
  query: FacetQuery,
): Promise<FacetResult> {
  const sql = new Sql(database, query.category);
  const field = sql.field(query.field);
  const where = sql.scope(query);
  const search = query.search
    ? ` AND toString(${field.sql}) ILIKE ${sql.bind(`%${escapeLike(query.search)}%`, 'String')}`
    : '';
  const numeric = field.kind === 'number';
  const rows = await executor.query<Record<string, unknown>>(
    `SELECT value, count() AS n, sum(count()) OVER () AS total,
       ${numeric ? 'min(min(value)) OVER () AS lo, max(max(value)) OVER () AS hi' : 'NULL AS lo, NULL AS hi'}
     FROM (SELECT ${field.sql} AS value FROM ${sql.from()} WHERE ${where}${search})
     WHERE value IS NOT NULL GROUP BY value ORDER BY n DESC, value LIMIT ${Math.max(0, Math.floor(query.limit))}`,
    sql.params,
  );
  const first = rows[0];
  return {
    field: query.field,
    values: rows.map((row) => ({
      value: plain(query.field, row.value) as string | number | boolean,
      count: Number(row.n),
    })),
    total: Number(first?.total ?? 0),
    min: first?.lo == null ? null : Number(first.lo),
    max: first?.hi == null ? null : Number(first.hi),
  };
}

/** The bucket of a row: whole intervals since `from`. */
export const bucketOf = (sql: Sql, from: number, interval: number) =>
  `intDiv(toUnixTimestamp64Milli(time) - ${sql.bind(BigInt(from), 'Int64')}, ${sql.bind(BigInt(interval), 'Int64')})`;

export async function histogram(
  executor: Executor,
  database: string,
  query: HistogramQuery,
): Promise<HistogramResult> {
  const interval = bucketInterval(query.from, query.to, query.buckets);
  const sql = new Sql(database, query.category);
  const where = sql.scope(query);
  const bucket = bucketOf(sql, query.from, interval);
  if (!query.groupBy) {
    const rows = await executor.query<{ b: string; n: string }>(
      `SELECT ${bucket} AS b, count() AS n FROM ${sql.from()} WHERE ${where} GROUP BY b ORDER BY b`,
      sql.params,
    );
    return countHistogram(
      query,
      interval,
      rows.map(({ b, n }) => [b, n] as const),
    );
  }
  const group = sql.field(query.groupBy);
  const other = sql.bind(OTHER_STACK, 'String');
  const scoped = `SELECT ${bucket} AS b, toString(${group.sql}) AS g FROM ${sql.from()} WHERE ${where}`;
  const rows = await executor.query<{ b: string; stack: string; n: string }>(
    `SELECT b, if(g IN (SELECT g FROM (${scoped}) WHERE g IS NOT NULL GROUP BY g ORDER BY count() DESC, g LIMIT ${TOP_GROUPS}), g, ${other}) AS stack, count() AS n
     FROM (${scoped}) GROUP BY b, stack ORDER BY b`,
    sql.params,
  );
  return stackedHistogram(
    query,
    interval,
    rows.map(({ b, stack, n }) => [b, stack, n] as const),
  );
}
