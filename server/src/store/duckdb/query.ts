import type { DuckDBValue } from '@duckdb/node-api';
import type { AnalysisResult, FacetResult, HistogramResult } from '@rumkit/core/api';
import { bucketInterval, OTHER_STACK } from '@rumkit/core/rules';
import type { Category } from '@rumkit/core/schema';
import { type Filter, type TermFilter, wildcardToLike } from '@rumkit/core/search';
import { fieldNamesOf, hasColumn } from '../columns.js';
import { CursorError, decodeCursor, encodeCursor } from '../cursor.js';
import { fieldKind, filterSql } from '../filter-sql.js';
import {
  analysisResult,
  countHistogram,
  errorGroupsResult,
  escapeLike,
  PERCENTILES,
  pickColumns,
  stackedHistogram,
  TOP_GROUPS,
} from '../results.js';
import type {
  AnalysisQuery,
  ErrorGroup,
  ErrorGroupsQuery,
  FacetQuery,
  HistogramQuery,
  QueryScope,
  SearchQuery,
  StoredRecord,
  StoredValue,
} from '../types.js';
import { fieldExpression, msTime, quote } from './ddl.js';
import type { Reader } from './prepared.js';

/**
 * Compiles explorer questions to DuckDB SQL. Every value the user typed travels as a bound
 * parameter; the only names in the SQL are catalogue fields, checked against the catalogue,
 * and custom keys, which are read with a bound JSON path.
 */
export class Sql {
  readonly params: DuckDBValue[] = [];

  constructor(readonly category: Category) {}

  /**
   * A placeholder for the value. A bigint is typed BIGINT: node-api binds it as HUGEINT,
   * and DuckDB would then widen the column to compare or divide (no pruning, slow arithmetic).
   */
  bind(value: DuckDBValue): string {
    this.params.push(value);
    return typeof value === 'bigint' ? `$${this.params.length}::BIGINT` : `$${this.params.length}`;
  }

  /** A field of the category, or a custom key read from `custom`. */
  field(name: string): { sql: string; type: 'string' | 'number' | 'boolean' } {
    if (name === 'time') return { sql: 'epoch_ms(time)', type: 'number' };
    if (fieldNamesOf(this.category).has(name)) {
      return { sql: fieldExpression(this.category, name), type: fieldKind(name) };
    }
    return {
      sql: `json_extract_string(custom, ${this.bind(customPath(name))})`,
      type: 'string',
    };
  }

  /** The WHERE clause shared by every question: workspace, time range, apps, search. */
  scope(scope: QueryScope): string {
    const parts = [
      `workspace_id = ${this.bind(scope.workspaceId)}`,
      `time >= ${msTime(this.bind(BigInt(Math.floor(scope.from))))}`,
      `time < ${msTime(this.bind(BigInt(Math.ceil(scope.to))))}`,
    ];
    if (scope.appIds && scope.appIds.length > 0) {
      parts.push(`app_id IN (${scope.appIds.map((id) => this.bind(id)).join(', ')})`);
    }
    if (scope.filter) parts.push(this.filter(scope.filter));
    return parts.join(' AND ');
  }

  filter(filter: Filter): string {
    return filterSql(
      filter,
      {
        not: (condition) => `(${condition}) IS NOT TRUE`,
        text: (pattern, fields) => {
          const bound = this.bind(pattern);
          return `(${fields.map((name) => `${fieldExpression(this.category, name)} ILIKE ${bound} ESCAPE '\\'`).join(' OR ')})`;
        },
        term: (term) => this.term(term),
      },
      this.category,
    );
  }

  private term(term: TermFilter): string {
    const { sql, type } = this.field(term.key);
    const numeric = type === 'number' ? sql : `TRY_CAST(${sql} AS DOUBLE)`;
    switch (term.op) {
      case 'exists':
        return `${sql} IS NOT NULL`;
      case 'eq':
        if (type === 'number') return `${sql} = ${this.bind(term.value.number ?? Number.NaN)}`;
        if (type === 'boolean') return `${sql} = ${this.bind(/^(t|true)$/i.test(term.value.text))}`;
        return `${sql} = ${this.bind(term.value.text)}`;
      case 'wildcard':
        return `CAST(${sql} AS VARCHAR) LIKE ${this.bind(wildcardToLike(term.value.text))} ESCAPE '\\'`;
      case 'gt':
        return `${numeric} > ${this.bind(term.value.number)}`;
      case 'gte':
        return `${numeric} >= ${this.bind(term.value.number)}`;
      case 'lt':
        return `${numeric} < ${this.bind(term.value.number)}`;
      case 'lte':
        return `${numeric} <= ${this.bind(term.value.number)}`;
      case 'range': {
        const [low, high] = term.inclusive ? ['>=', '<='] : ['>', '<'];
        return `(${numeric} ${low} ${this.bind(term.from.number)} AND ${numeric} ${high} ${this.bind(term.to.number)})`;
      }
    }
  }
}

/** The JSON path of a custom key in `custom` (bound, never spliced into the SQL). */
const customPath = (name: string) => `$."${name.replaceAll('"', '\\"')}"`;

/** Values as JSON can carry them: 64-bit integers past 2^53 become strings. */
function json(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value;
}

/** DuckDB's row id: the rowid. */
const ROWID = /^\d{1,19}$/;

/** The first window a time-ordered search looks in (see search). */
const FIRST_WINDOW_MS = 3_600_000;

export async function search(
  connection: Reader,
  query: SearchQuery,
  read: (record: Record<string, unknown>) => StoredRecord,
): Promise<{ rows: StoredRecord[]; nextCursor: string | null }> {
  const cursor = query.cursor ? decodeCursor(query.cursor, ROWID) : {};
  const byTime = !query.sort || query.sort.field === 'time';
  const order = query.sort?.order ?? 'desc';
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  const cmp = order === 'asc' ? '>' : '<';

  /** Up to `limit` records of the query's order within [from, to). */
  const fetch = async (from: number, to: number, limit: number) => {
    const sql = new Sql(query.category);
    const where = [sql.scope({ ...query, from, to })];
    let orderBy: string;
    let sortValue = '';
    if (byTime) {
      if (cursor.t !== undefined && cursor.r !== undefined) {
        const t = msTime(sql.bind(BigInt(cursor.t)));
        where.push(
          `(time ${cmp} ${t} OR (time = ${t} AND rowid ${cmp} ${sql.bind(BigInt(cursor.r))}))`,
        );
      }
      orderBy = `time ${dir}, rowid ${dir}`;
    } else {
      // Keyset on (value, rowid), nulls last: a page never repeats or skips a row, however
      // deep, and costs the same at page 1,000 as at page 1.
      const sort = sql.field(query.sort?.field ?? 'time');
      if (cursor.r !== undefined && cursor.v !== undefined) {
        const rowid = sql.bind(BigInt(cursor.r));
        if (cursor.v === null) where.push(`(${sort.sql} IS NULL AND rowid ${cmp} ${rowid})`);
        else {
          let value = cursor.v;
          if (sort.type === 'number' && typeof value === 'string') {
            if (!/^-?\d{1,20}$/.test(value))
              throw new CursorError('the cursor is not for this sort');
            value = BigInt(value) as unknown as string;
          }
          const v = sql.bind(value as DuckDBValue);
          where.push(
            `(${sort.sql} ${cmp} ${v} OR (${sort.sql} = ${v} AND rowid ${cmp} ${rowid}) OR ${sort.sql} IS NULL)`,
          );
        }
      }
      orderBy = `_sort ${dir} NULLS LAST, rowid ${dir}`;
      sortValue = `, ${sort.sql} AS _sort`;
    }
    const reader = await connection.runAndReadAll(
      `SELECT ${selectList(query.category, query.columns)}, rowid AS _rowid${sortValue} FROM ${quote(query.category)} WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ${limit}`,
      sql.params,
    );
    return reader.getRowObjectsJS();
  };

  const wanted = query.limit + 1;
  let records: Record<string, unknown>[] = [];
  if (!byTime) records = await fetch(query.from, query.to, wanted);
  else {
    // Newest (or oldest) first: look in a window at that end that grows fourfold until the
    // page is full. A page of a busy app comes from its last minutes, not a scan of 14 days.
    let lo = query.from;
    let hi = query.to;
    if (cursor.t !== undefined) {
      if (order === 'desc') hi = Math.min(hi, cursor.t + 1);
      else lo = Math.max(lo, cursor.t);
    }
    for (let span = FIRST_WINDOW_MS; lo < hi && records.length < wanted; span *= 4) {
      const [from, to] =
        order === 'desc' ? [Math.max(lo, hi - span), hi] : [lo, Math.min(hi, lo + span)];
      records.push(...(await fetch(from, to, wanted - records.length)));
      if (order === 'desc') hi = from;
      else lo = to;
    }
  }
  const more = records.length > query.limit;
  const page = records.slice(0, query.limit);
  const rows = page.map((record) => {
    const { _sort: _, ...stored } = record;
    return pickColumns(read(stored), query.columns);
  });
  const last = page[page.length - 1];
  let nextCursor: string | null = null;
  if (more && last) {
    nextCursor = byTime
      ? encodeCursor({ t: Number(last.time), r: String(last._rowid) })
      : encodeCursor({
          r: String(last._rowid),
          v: last._sort == null ? null : (json(last._sort) as string | number | boolean),
        });
  }
  return { rows, nextCursor };
}

/**
 * What a search reads: every column, or only the chosen fields (read out of `attrs` in SQL when
 * they have no column of their own; `custom` when one is a custom key). Reading 60 columns and
 * parsing JSON for rows whose three fields are shown is most of a page's cost.
 */
export function selectList(category: Category, columns: readonly string[] | undefined): string {
  if (!columns) return '* REPLACE (epoch_ms(time) AS time)';
  const parts = new Set(['epoch_ms(time) AS time', 'workspace_id']);
  for (const name of columns) {
    if (name === 'time' || name === 'workspace_id') continue;
    if (hasColumn(category, name)) parts.add(quote(name));
    else if (fieldNamesOf(category).has(name))
      parts.add(`${fieldExpression(category, name)} AS ${quote(name)}`);
    else parts.add('custom');
  }
  return [...parts].join(', ');
}

export async function facet(connection: Reader, query: FacetQuery): Promise<FacetResult> {
  const sql = new Sql(query.category);
  const field = sql.field(query.field);
  const where = sql.scope(query);
  const search = query.search
    ? ` AND CAST(${field.sql} AS VARCHAR) ILIKE ${sql.bind(`%${escapeLike(query.search)}%`)} ESCAPE '\\'`
    : '';
  const numeric = field.type === 'number';
  const reader = await connection.runAndReadAll(
    `WITH scoped AS (SELECT ${field.sql} AS value FROM ${quote(query.category)} WHERE ${where}${search})
     SELECT value, count(*) AS n, sum(count(*)) OVER () AS total,
            ${numeric ? 'min(min(value)) OVER (), max(max(value)) OVER ()' : 'NULL, NULL'}
     FROM scoped WHERE value IS NOT NULL GROUP BY value ORDER BY n DESC, value LIMIT ${query.limit}`,
    sql.params,
  );
  const rows = reader.getRows();
  return {
    field: query.field,
    values: rows.map(([value, n]) => ({
      value: json(value) as string | number | boolean,
      count: Number(n),
    })),
    total: Number(rows[0]?.[2] ?? 0),
    min: rows[0]?.[3] == null ? null : Number(rows[0][3]),
    max: rows[0]?.[4] == null ? null : Number(rows[0][4]),
  };
}

const OTHER = OTHER_STACK;

export async function histogram(
  connection: Reader,
  query: HistogramQuery,
): Promise<HistogramResult> {
  const interval = bucketInterval(query.from, query.to, query.buckets);
  const sql = new Sql(query.category);
  const where = sql.scope(query);
  const bucket = `(epoch_ms(time) - ${sql.bind(BigInt(query.from))}) // ${sql.bind(BigInt(interval))}`;
  if (!query.groupBy) {
    const reader = await connection.runAndReadAll(
      `SELECT ${bucket} AS b, count(*) FROM ${quote(query.category)} WHERE ${where} GROUP BY b ORDER BY b`,
      sql.params,
    );
    return countHistogram(query, interval, reader.getRows() as [unknown, unknown][]);
  }
  const group = sql.field(query.groupBy);
  const reader = await connection.runAndReadAll(
    `WITH scoped AS (SELECT ${bucket} AS b, CAST(${group.sql} AS VARCHAR) AS g FROM ${quote(query.category)} WHERE ${where}),
          top AS (SELECT g FROM scoped WHERE g IS NOT NULL GROUP BY g ORDER BY count(*) DESC, g LIMIT ${TOP_GROUPS})
     SELECT b, CASE WHEN g IN (SELECT g FROM top) THEN g ELSE '${OTHER}' END AS stack, count(*)
     FROM scoped GROUP BY b, stack ORDER BY b`,
    sql.params,
  );
  return stackedHistogram(query, interval, reader.getRows() as [unknown, unknown, unknown][]);
}

function aggregateSql(sql: Sql, query: AnalysisQuery): string {
  if (query.aggregate === 'count') return 'count(*)';
  const field = sql.field(query.field as string);
  const value = field.type === 'number' ? field.sql : `TRY_CAST(${field.sql} AS DOUBLE)`;
  const p = PERCENTILES[query.aggregate];
  // Exact percentiles (quantile_cont), so any engine can match them.
  if (p !== undefined) return `quantile_cont(${value}, ${p})`;
  return `${query.aggregate}(${value})`;
}

export async function analysis(connection: Reader, query: AnalysisQuery): Promise<AnalysisResult> {
  const sql = new Sql(query.category);
  const where = sql.scope(query);
  const groups = query.groupBy.map((name) => sql.field(name).sql);
  const aggregate = aggregateSql(sql, query);
  const picked = groups.map((g, i) => `${g} AS g${i}, `).join('');
  const top = `SELECT ${picked}${aggregate} AS v FROM ${quote(query.category)} WHERE ${where}
     ${groups.length > 0 ? 'GROUP BY ALL' : ''} ORDER BY v DESC NULLS LAST LIMIT ${query.limit}`;
  const interval =
    query.mode === 'timeseries' ? bucketInterval(query.from, query.to, query.buckets) : null;
  // One statement: the top groups (b = NULL), then, for a time series, the buckets of those
  // groups only (a group by a high-cardinality field would otherwise compute them all).
  let statement = top;
  if (interval !== null) {
    const bucket = `(epoch_ms(time) - ${sql.bind(BigInt(query.from))}) // ${sql.bind(BigInt(interval))}`;
    if (groups.length === 0) {
      // Nothing grouped: the total and the buckets in one scan.
      statement = `SELECT ${bucket} AS b, ${aggregate} AS v FROM ${quote(query.category)}
        WHERE ${where} GROUP BY GROUPING SETS ((${bucket}), ())`;
    } else {
      // One scan: each group's total and its buckets (GROUPING SETS), then the buckets of
      // the top groups only. Measured against a second scan restricted to the top groups
      // (EXISTS, IN or bound values): as fast with few groups, 2× faster with 50k URLs.
      const names = groups.map((_, i) => `g${i}`).join(', ');
      const inTop = groups.map((_, i) => `top.g${i} IS NOT DISTINCT FROM agg.g${i}`).join(' AND ');
      statement = `WITH agg AS (
          SELECT ${picked}${bucket} AS b, ${aggregate} AS v, GROUPING(${bucket}) AS total
          FROM ${quote(query.category)} WHERE ${where}
          GROUP BY GROUPING SETS ((${groups.join(', ')}, ${bucket}), (${groups.join(', ')}))),
        top AS (SELECT ${names}, v FROM agg WHERE total = 1 ORDER BY v DESC NULLS LAST LIMIT ${query.limit})
        SELECT NULL::BIGINT AS b, * FROM top
        UNION ALL BY NAME
        SELECT agg.b, ${groups.map((_, i) => `agg.g${i}`).join(', ')}, agg.v FROM agg
        WHERE agg.total = 0 AND EXISTS (SELECT 1 FROM top WHERE ${inTop})`;
    }
  }
  const rows = (await connection.runAndReadAll(statement, sql.params)).getRowObjectsJS();
  // A union keeps no order: analysisResult ranks the top groups again, nulls last.
  const totals = rows.filter((row) => row.b == null || interval === null);
  const buckets = interval === null ? [] : rows.filter((row) => row.b != null);
  return analysisResult(query, interval, totals, buckets, (_, value) => json(value) as never);
}

/**
 * The newest errors of the scope grouped by exact message (or field values) in the store: the
 * groups cross to JavaScript, which masks and merges them (clusterBunches), instead of every
 * error. Measured at 10M events: 10,000 errors as rows cost 30 ms to convert alone.
 */
export async function errorGroups(
  connection: Reader,
  query: ErrorGroupsQuery,
): Promise<{ sampled: number; groups: ErrorGroup[] }> {
  const sql = new Sql('error');
  const names = query.fields.length > 0 ? query.fields : ['error_message'];
  const keys = names.map((name, i) => {
    // A custom key groups by its JSON text, so 5 and "5" stay apart and come back typed.
    const custom = !fieldNamesOf('error').has(name);
    const expression = custom
      ? `CAST(json_extract(custom, ${sql.bind(customPath(name))}) AS VARCHAR)`
      : sql.field(name).sql;
    return { name, custom, select: `${expression} AS k${i}` };
  });
  const where = sql.scope(query);
  const reader = await connection.runAndReadAll(
    `WITH newest AS (
       SELECT time, error_id, ${keys.map((k) => k.select).join(', ')} FROM "error"
       WHERE ${where} ORDER BY time DESC, rowid DESC LIMIT ${Math.max(0, Math.floor(query.sample))})
     SELECT ${keys.map((_, i) => `k${i}`).join(', ')}, count(*) AS n, epoch_ms(min(time)) AS first_seen,
       epoch_ms(max(time)) AS last_seen, arg_max(error_id, time) AS id, sum(count(*)) OVER () AS sampled
     FROM newest GROUP BY ALL ORDER BY last_seen DESC`,
    sql.params,
  );
  return errorGroupsResult(reader.getRowObjectsJS(), keys, (_, value) => value as StoredValue);
}
