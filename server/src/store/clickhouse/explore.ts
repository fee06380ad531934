import type { FacetResult, HistogramResult } from '@rumkit/core/api';
import { bucketInterval, bucketStarts, OTHER_STACK, stackOrder } from '@rumkit/core/rules';
import type { FacetQuery, HistogramQuery, SearchQuery, StoredRecord } from '../types.js';
import type { Executor } from './executor.js';
import { escapeLike, Sql } from './query.js';
import { readValue, toRecord } from './rows.js';

/** A search cursor: the last row's time (time-sorted pages) or sort value, and its event id. */
interface Cursor {
  t?: number;
  r?: string;
  v?: string | number | boolean | null;
}

/** A bad cursor is the caller's mistake: the HTTP layer answers 400 (status), the worker too (name). */
export class CursorError extends Error {
  override name = 'CursorError';
  readonly status = 400;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof cursor !== 'object' || cursor === null) throw new Error('not an object');
    if (cursor.t !== undefined && !Number.isFinite(cursor.t)) throw new Error('bad time');
    if (cursor.r !== undefined && !UUID.test(String(cursor.r))) throw new Error('bad id');
    const v = cursor.v;
    if (v !== undefined && v !== null && !['string', 'number', 'boolean'].includes(typeof v))
      throw new Error('bad value');
    return cursor;
  } catch {
    throw new CursorError('the cursor is not one this server gave out');
  }
}

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
  const cursor = query.cursor ? decodeCursor(query.cursor) : {};
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
  const rows = page.map((record) => {
    const full = toRecord(record);
    if (!query.columns) return full;
    const picked: StoredRecord = { time: full.time, workspace_id: full.workspace_id, custom: {} };
    for (const column of query.columns) {
      if (column in full) picked[column] = full[column];
      else if (column in full.custom) picked.custom[column] = full.custom[column] as never;
    }
    return picked;
  });
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

const TOP_GROUPS = 10;

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
    const counts = new Map(rows.map(({ b, n }) => [Number(b), Number(n)]));
    return {
      interval_ms: interval,
      groups: [],
      buckets: fill(query, interval, (i) => ({ count: counts.get(i) ?? 0 })),
    };
  }
  const group = sql.field(query.groupBy);
  const other = sql.bind(OTHER_STACK, 'String');
  const scoped = `SELECT ${bucket} AS b, toString(${group.sql}) AS g FROM ${sql.from()} WHERE ${where}`;
  const rows = await executor.query<{ b: string; stack: string; n: string }>(
    `SELECT b, if(g IN (SELECT g FROM (${scoped}) WHERE g IS NOT NULL GROUP BY g ORDER BY count() DESC, g LIMIT ${TOP_GROUPS}), g, ${other}) AS stack, count() AS n
     FROM (${scoped}) GROUP BY b, stack ORDER BY b`,
    sql.params,
  );
  const byBucket = new Map<number, Record<string, number>>();
  const totals = new Map<string, number>();
  for (const { b, stack, n } of rows) {
    const counts = byBucket.get(Number(b)) ?? {};
    counts[stack] = Number(n);
    byBucket.set(Number(b), counts);
    totals.set(stack, (totals.get(stack) ?? 0) + Number(n));
  }
  return {
    interval_ms: interval,
    groups: stackOrder(totals),
    buckets: fill(query, interval, (i) => {
      const by = byBucket.get(i) ?? {};
      return { count: Object.values(by).reduce((a, b) => a + b, 0), by_group: by };
    }),
  };
}

export function fill<T>(
  range: { from: number; to: number },
  interval: number,
  at: (index: number) => T,
): (T & { time: number })[] {
  return bucketStarts(range.from, range.to, interval).map((time, i) => ({ ...at(i), time }));
}
