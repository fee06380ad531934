import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { AnalysisResult, FacetResult, HistogramResult } from '@rumkit/core/api';
import { bucketInterval, bucketStarts, OTHER_STACK, stackOrder } from '@rumkit/core/rules';
import { type Category, getField, textFieldsOf } from '@rumkit/core/schema';
import { type Filter, type TermFilter, wildcardToLike } from '@rumkit/core/search';
import { fieldNamesOf } from '../columns.js';
import type {
  AnalysisQuery,
  FacetQuery,
  HistogramQuery,
  QueryScope,
  SearchQuery,
  StoredRecord,
} from '../types.js';
import { fieldExpression, quote } from './ddl.js';

/**
 * Compiles explorer questions to DuckDB SQL. Every value the user typed travels as a bound
 * parameter; the only names in the SQL are catalogue fields, checked against the catalogue,
 * and custom keys, which are read with a bound JSON path.
 */
export class Sql {
  readonly params: DuckDBValue[] = [];

  constructor(readonly category: Category) {}

  bind(value: DuckDBValue): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** A field of the category, or a custom key read from `custom`. */
  field(name: string): { sql: string; type: 'string' | 'number' | 'boolean' } {
    if (name === 'time') return { sql: 'epoch_ms(time)', type: 'number' };
    if (fieldNamesOf(this.category).has(name)) {
      const def = getField(name);
      const type =
        def?.type === 'integer' || def?.type === 'float'
          ? 'number'
          : def?.type === 'boolean'
            ? 'boolean'
            : 'string';
      return { sql: fieldExpression(this.category, name), type };
    }
    return {
      sql: `json_extract_string(custom, ${this.bind(`$."${name.replaceAll('"', '\\"')}"`)})`,
      type: 'string',
    };
  }

  /** The WHERE clause shared by every question: workspace, time range, apps, search. */
  scope(scope: QueryScope): string {
    const parts = [
      `workspace_id = ${this.bind(scope.workspaceId)}`,
      `time >= make_timestamp_ms(${this.bind(BigInt(Math.floor(scope.from)))}::BIGINT)`,
      `time < make_timestamp_ms(${this.bind(BigInt(Math.ceil(scope.to)))}::BIGINT)`,
    ];
    if (scope.appIds && scope.appIds.length > 0) {
      parts.push(`app_id IN (${scope.appIds.map((id) => this.bind(id)).join(', ')})`);
    }
    if (scope.filter) parts.push(this.filter(scope.filter));
    return parts.join(' AND ');
  }

  filter(filter: Filter): string {
    switch (filter.type) {
      case 'and':
        return `(${filter.children.map((c) => this.filter(c)).join(' AND ')})`;
      case 'or':
        return `(${filter.children.map((c) => this.filter(c)).join(' OR ')})`;
      case 'not':
        // A record without the field matches `-key:value`: NULL counts as "not equal".
        return `(${this.filter(filter.child)}) IS NOT TRUE`;
      case 'text':
        return this.text(filter.value, filter.wildcard && !filter.phrase);
      case 'term':
        return this.term(filter);
    }
  }

  /** Free text: a case-insensitive substring (or glob) of any of the category's text fields. */
  private text(value: string, wildcard: boolean): string {
    const fields = textFieldsOf(this.category).filter((name) =>
      fieldNamesOf(this.category).has(name),
    );
    if (fields.length === 0) return 'false';
    const pattern = this.bind(wildcard ? `%${wildcardToLike(value)}%` : `%${escapeLike(value)}%`);
    return `(${fields.map((name) => `${fieldExpression(this.category, name)} ILIKE ${pattern} ESCAPE '\\'`).join(' OR ')})`;
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

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '\\$&');
}

/** Values as JSON can carry them: 64-bit integers past 2^53 become strings. */
function json(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value;
}

interface Cursor {
  /** Time (ms) and rowid of the last row, for time-sorted pages. */
  t?: number;
  r?: string;
  /** Offset, for pages sorted by another field. */
  o?: number;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

export function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof cursor !== 'object' || cursor === null) throw new Error('not an object');
    return cursor;
  } catch {
    throw new CursorError('the cursor is not one this server gave out');
  }
}

export class CursorError extends Error {
  override name = 'CursorError';
}

export async function search(
  connection: DuckDBConnection,
  query: SearchQuery,
  read: (record: Record<string, unknown>) => StoredRecord,
): Promise<{ rows: StoredRecord[]; nextCursor: string | null }> {
  const sql = new Sql(query.category);
  const where = [sql.scope(query)];
  const cursor = query.cursor ? decodeCursor(query.cursor) : {};
  const byTime = !query.sort || query.sort.field === 'time';
  const order = query.sort?.order ?? 'desc';
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  let orderBy: string;
  let offset = 0;
  if (byTime) {
    if (cursor.t !== undefined && cursor.r !== undefined) {
      const cmp = order === 'asc' ? '>' : '<';
      const t = `make_timestamp_ms(${sql.bind(BigInt(cursor.t))}::BIGINT)`;
      where.push(
        `(time ${cmp} ${t} OR (time = ${t} AND rowid ${cmp} ${sql.bind(BigInt(cursor.r))}))`,
      );
    }
    orderBy = `time ${dir}, rowid ${dir}`;
  } else {
    const sort = sql.field(query.sort?.field ?? 'time');
    orderBy = `${sort.sql} ${dir} NULLS LAST, time DESC, rowid DESC`;
    offset = Math.max(0, Math.floor(cursor.o ?? 0));
  }
  const reader = await connection.runAndReadAll(
    `SELECT * REPLACE (epoch_ms(time) AS time), rowid AS _rowid FROM ${quote(query.category)} WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ${query.limit + 1} OFFSET ${offset}`,
    sql.params,
  );
  const records = reader.getRowObjectsJS();
  const more = records.length > query.limit;
  const page = records.slice(0, query.limit);
  const rows = page.map((record) => {
    const full = read(record);
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
  if (more && last) {
    nextCursor = byTime
      ? encodeCursor({ t: Number(last.time), r: String(last._rowid) })
      : encodeCursor({ o: offset + query.limit });
  }
  return { rows, nextCursor };
}

export async function facet(connection: DuckDBConnection, query: FacetQuery): Promise<FacetResult> {
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
const TOP_GROUPS = 10;

export async function histogram(
  connection: DuckDBConnection,
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
    const counts = new Map(reader.getRows().map(([b, n]) => [Number(b), Number(n)]));
    return {
      interval_ms: interval,
      groups: [],
      buckets: fill(query, interval, (i) => ({ count: counts.get(i) ?? 0 })),
    };
  }
  const group = sql.field(query.groupBy);
  const reader = await connection.runAndReadAll(
    `WITH scoped AS (SELECT ${bucket} AS b, CAST(${group.sql} AS VARCHAR) AS g FROM ${quote(query.category)} WHERE ${where}),
          top AS (SELECT g FROM scoped WHERE g IS NOT NULL GROUP BY g ORDER BY count(*) DESC, g LIMIT ${TOP_GROUPS})
     SELECT b, CASE WHEN g IN (SELECT g FROM top) THEN g ELSE '${OTHER}' END AS stack, count(*)
     FROM scoped GROUP BY b, stack ORDER BY b`,
    sql.params,
  );
  const byBucket = new Map<number, Record<string, number>>();
  const totals = new Map<string, number>();
  for (const [b, g, n] of reader.getRows()) {
    const stack = String(g);
    const counts = byBucket.get(Number(b)) ?? {};
    counts[stack] = Number(n);
    byBucket.set(Number(b), counts);
    totals.set(stack, (totals.get(stack) ?? 0) + Number(n));
  }
  const groups = stackOrder(totals);
  return {
    interval_ms: interval,
    groups,
    buckets: fill(query, interval, (i) => {
      const by = byBucket.get(i) ?? {};
      return { count: Object.values(by).reduce((a, b) => a + b, 0), by_group: by };
    }),
  };
}

function fill<T>(
  range: { from: number; to: number },
  interval: number,
  at: (index: number) => T,
): (T & { time: number })[] {
  return bucketStarts(range.from, range.to, interval).map((time, i) => ({ ...at(i), time }));
}

const PERCENTILES: Record<string, number> = { p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95, p99: 0.99 };

function aggregateSql(sql: Sql, query: AnalysisQuery): string {
  if (query.aggregate === 'count') return 'count(*)';
  const field = sql.field(query.field as string);
  const value = field.type === 'number' ? field.sql : `TRY_CAST(${field.sql} AS DOUBLE)`;
  const p = PERCENTILES[query.aggregate];
  // Exact percentiles (quantile_cont), so any engine can match them.
  if (p !== undefined) return `quantile_cont(${value}, ${p})`;
  return `${query.aggregate}(${value})`;
}

export async function analysis(
  connection: DuckDBConnection,
  query: AnalysisQuery,
): Promise<AnalysisResult> {
  const sql = new Sql(query.category);
  const where = sql.scope(query);
  const groups = query.groupBy.map((name) => sql.field(name).sql);
  const aggregate = aggregateSql(sql, query);
  const names = groups.map((_, i) => `g${i}`);
  const select = groups.map((g, i) => `${g} AS g${i}, `).join('');
  const top = await connection.runAndReadAll(
    `SELECT ${select}${aggregate} AS v FROM ${quote(query.category)} WHERE ${where}
     ${groups.length > 0 ? 'GROUP BY ALL' : ''} ORDER BY v DESC NULLS LAST LIMIT ${query.limit}`,
    sql.params,
  );
  const series = top.getRows().map((row) => ({
    group: Object.fromEntries(
      query.groupBy.map((name, i) => [name, json(row[i]) as string | number | boolean | null]),
    ),
    value: row[groups.length] == null ? null : Number(row[groups.length]),
  }));
  if (query.mode === 'toplist') return { mode: 'toplist', interval_ms: null, series };

  const interval = bucketInterval(query.from, query.to, query.buckets);
  const ts = new Sql(query.category);
  const tsWhere = ts.scope(query);
  const tsGroups = query.groupBy.map((name) => ts.field(name).sql);
  const bucket = `(epoch_ms(time) - ${ts.bind(BigInt(query.from))}) // ${ts.bind(BigInt(interval))}`;
  const reader = await connection.runAndReadAll(
    `SELECT ${bucket} AS b, ${tsGroups.map((g, i) => `${g} AS g${i}, `).join('')}${aggregateSql(ts, query)} AS v
     FROM ${quote(query.category)} WHERE ${tsWhere} GROUP BY ALL`,
    ts.params,
  );
  const key = (values: unknown[]) => JSON.stringify(values.map(json));
  const points = new Map<string, Map<number, number | null>>();
  for (const row of reader.getRows()) {
    const k = key(row.slice(1, 1 + names.length));
    const byBucket = points.get(k) ?? new Map<number, number | null>();
    byBucket.set(
      Number(row[0]),
      row[1 + names.length] == null ? null : Number(row[1 + names.length]),
    );
    points.set(k, byBucket);
  }
  return {
    mode: 'timeseries',
    interval_ms: interval,
    series: series.map((s) => {
      const byBucket = points.get(key(query.groupBy.map((name) => s.group[name]))) ?? new Map();
      return {
        ...s,
        points: fill(query, interval, (i) => ({
          value: byBucket.get(i) ?? (query.aggregate === 'count' ? 0 : null),
        })),
      };
    }),
  };
}
