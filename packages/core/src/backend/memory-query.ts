// The explorer's questions answered over the in-memory store, as the reference server answers
// them (server/src/services/explorer.ts over server/src/store/duckdb/query.ts): the same input
// schemas and checks, the one search parser, the same orders, buckets and aggregates.
import type { z } from 'zod';
import {
  type AnalysisInput,
  type AnalysisResult,
  analysisBody,
  type EventRecord,
  type FacetInput,
  type FacetResult,
  facetBody,
  type HistogramInput,
  type HistogramResult,
  histogramBody,
  type SearchEventsInput,
  type SearchEventsResult,
  searchEventsBody,
} from '../api/index.js';
import {
  bucketIndex,
  bucketInterval,
  bucketStarts,
  OTHER_STACK,
  stackOrder,
} from '../rules/timeBuckets.js';
import { type Category, getField, type TypedValue } from '../schema/index.js';
import { isSearchSyntaxError, parseSearch, validateSearch } from '../search/index.js';
import { badRequest, invalidRequest, notNumeric, searchProblem, unknownField } from './errors.js';
import {
  compareDoubles,
  compareText,
  compareValues,
  compileFilter,
  type Field,
  fieldOf,
  numberOf,
} from './memory-eval.js';
import type { MemoryEventStore, MemoryRecord } from './memory-store.js';

/** An explorer question's scope, checked: the category's records it covers. */
export interface Scope {
  category: Category;
  /** Custom context keys seen in the category: fields as much as the catalogue's. */
  customKeys: ReadonlySet<string>;
  /** The records in scope, oldest insertion first. */
  records: MemoryRecord[];
}

/** Input checked by its schema (defaults filled in), or the server's 400. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}

/**
 * The records a question covers: its category, time range, apps and search. The search is
 * parsed once by `@rumkit/core/search` and checked against the category's fields and custom
 * keys; a problem is a 400 pointing into the text.
 */
export function prepareScope(
  store: MemoryEventStore,
  input: {
    category: Category;
    from: number;
    to: number;
    query?: string | undefined;
    app_ids?: readonly string[] | undefined;
  },
): Scope {
  let filter: ReturnType<typeof parseSearch>;
  try {
    filter = parseSearch(input.query ?? '');
  } catch (error) {
    if (isSearchSyntaxError(error)) throw searchProblem(error);
    throw error;
  }
  const customKeys = store.customKeys(input.category);
  const problem = validateSearch(filter, input.category, customKeys);
  if (problem) throw searchProblem(problem);
  const match = compileFilter(filter, input.category);
  const from = Math.floor(input.from);
  const to = Math.ceil(input.to);
  const apps = input.app_ids && input.app_ids.length > 0 ? new Set(input.app_ids) : null;
  const records: MemoryRecord[] = [];
  for (const record of store.records(input.category)) {
    if (record.time < from || record.time >= to) continue;
    if (apps && !apps.has(record.values.app_id as string)) continue;
    if (match(record)) records.push(record);
  }
  return { category: input.category, customKeys, records };
}

/** A field named in columns, sort, facets or groups must exist for the category. */
export function checkField(scope: Scope, name: string, where: string, { numeric = false } = {}) {
  if (name === 'time') return;
  const def = getField(name);
  const known = def !== undefined && (def.categories as readonly string[]).includes(scope.category);
  if (!known && !scope.customKeys.has(name)) throw unknownField(where, scope.category, name);
  if (numeric && known && def.type !== 'integer' && def.type !== 'float')
    throw notNumeric(where, name, def.type);
}

/** A stored record as the API returns it: 64-bit integers past 2^53 as strings. */
export function toEventRecord(record: MemoryRecord): EventRecord {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record.values)) out[key] = jsonValue(value);
  out.time = record.time;
  // Custom context is kept as JSON, where every bigint was written as a string.
  out.custom = Object.fromEntries(
    Object.entries(record.custom).map(([key, value]) => [
      key,
      typeof value === 'bigint' ? value.toString() : value,
    ]),
  );
  return out as EventRecord;
}

export function jsonValue(value: TypedValue): string | number | boolean {
  if (typeof value !== 'bigint') return value;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

/** Newest first, the order of the explorer's list and of the error sample. */
export const newestFirst = (a: MemoryRecord, b: MemoryRecord) => b.time - a.time || b.seq - a.seq;

interface Cursor {
  /** Time (ms) and insertion order of the last row, for time-sorted pages. */
  t?: number;
  r?: number;
  /** Offset, for pages sorted by another field. */
  o?: number;
}

const encodeCursor = (cursor: Cursor) =>
  btoa(JSON.stringify(cursor)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(atob(text.replaceAll('-', '+').replaceAll('_', '/'))) as unknown;
    if (typeof cursor !== 'object' || cursor === null) throw new Error('not an object');
    return cursor as Cursor;
  } catch {
    throw badRequest('the cursor is not one this backend gave out');
  }
}

export function searchEvents(store: MemoryEventStore, raw: SearchEventsInput): SearchEventsResult {
  const input = parseInput(searchEventsBody, raw);
  const scope = prepareScope(store, input);
  for (const column of input.columns ?? []) checkField(scope, column, 'columns');
  if (input.sort) checkField(scope, input.sort.field, 'sort');
  const cursor = input.cursor ? decodeCursor(input.cursor) : {};
  const byTime = !input.sort || input.sort.field === 'time';
  const dir = (input.sort?.order ?? 'desc') === 'asc' ? 1 : -1;
  let rows = scope.records;
  let offset = 0;
  if (byTime) {
    const order = (a: { time: number; seq: number }, b: { time: number; seq: number }) =>
      dir * (a.time - b.time || a.seq - b.seq);
    rows.sort(order);
    if (cursor.t !== undefined && cursor.r !== undefined) {
      const last = { time: Number(cursor.t), seq: Number(cursor.r) };
      rows = rows.filter((row) => order(row, last) > 0);
    }
  } else {
    const field = fieldOf(scope.category, input.sort?.field as string);
    rows.sort((a, b) => nullsLast(field, a, b, dir) || newestFirst(a, b));
    offset = Math.max(0, Math.floor(cursor.o ?? 0));
  }
  const page = rows.slice(offset, offset + input.limit);
  const last = page[page.length - 1];
  let next: string | null = null;
  if (rows.length > offset + input.limit && last) {
    next = encodeCursor(byTime ? { t: last.time, r: last.seq } : { o: offset + input.limit });
  }
  return { rows: page.map((row) => pick(toEventRecord(row), input.columns)), next_cursor: next };
}

/** `ORDER BY field <dir> NULLS LAST`. */
function nullsLast(field: Field, a: MemoryRecord, b: MemoryRecord, dir: number): number {
  const x = field.value(a);
  const y = field.value(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return dir * compareValues(x, y);
}

/** Only the chosen columns: a catalogue field from the record, a custom key from its context. */
export function pick(record: EventRecord, columns: readonly string[] | undefined): EventRecord {
  if (!columns) return record;
  const full = record as Record<string, unknown>;
  const fullCustom = (full.custom ?? {}) as Record<string, unknown>;
  const custom: Record<string, unknown> = {};
  const picked: Record<string, unknown> = { time: record.time, custom };
  for (const column of columns) {
    if (column in full) picked[column] = full[column];
    else if (column in fullCustom) custom[column] = fullCustom[column];
  }
  return picked as EventRecord;
}

/** A grouping key under which equal SQL values meet (5 and 5n alike). */
function valueKey(value: TypedValue | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return `n${String(value)}`;
  return `${typeof value}:${String(value)}`;
}

export function facet(store: MemoryEventStore, raw: FacetInput): FacetResult {
  const input = parseInput(facetBody, raw);
  const scope = prepareScope(store, input);
  checkField(scope, input.field, 'field');
  const field = fieldOf(scope.category, input.field);
  const search = input.search?.toLowerCase();
  const counts = new Map<string, { value: TypedValue; count: number }>();
  let total = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (const record of scope.records) {
    const value = field.value(record);
    if (value === null) continue;
    if (search !== undefined && !(field.text(record) ?? '').toLowerCase().includes(search))
      continue;
    const key = valueKey(value);
    const entry = counts.get(key) ?? { value, count: 0 };
    entry.count++;
    counts.set(key, entry);
    total++;
    if (field.type === 'number') {
      const n = Number(value);
      if (min === null || compareDoubles(n, min) < 0) min = n;
      if (max === null || compareDoubles(n, max) > 0) max = n;
    }
  }
  const values = [...counts.values()]
    .sort((a, b) => b.count - a.count || compareValues(a.value, b.value))
    .slice(0, input.limit)
    .map(({ value, count }) => ({ value: jsonValue(value), count }));
  return { field: input.field, values, total, min, max };
}

const OTHER = OTHER_STACK;
const TOP_GROUPS = 10;

export function histogram(store: MemoryEventStore, raw: HistogramInput): HistogramResult {
  const input = parseInput(histogramBody, raw);
  const scope = prepareScope(store, input);
  if (input.group_by) checkField(scope, input.group_by, 'group_by');
  const interval = bucketInterval(input.from, input.to, input.buckets);
  const starts = bucketStarts(input.from, input.to, interval);
  const bucketOf = (record: MemoryRecord) => bucketIndex(record.time, input.from, interval);
  if (!input.group_by) {
    const counts = new Map<number, number>();
    for (const record of scope.records) {
      const b = bucketOf(record);
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    return {
      interval_ms: interval,
      groups: [],
      buckets: starts.map((time, i) => ({ count: counts.get(i) ?? 0, time })),
    };
  }
  // Stacks: the top 10 values (as text), everything else, a missing value too, as "other".
  const field = fieldOf(scope.category, input.group_by);
  const seen = new Map<string, number>();
  for (const record of scope.records) {
    const text = field.text(record);
    if (text !== null) seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  const top = new Set(
    [...seen]
      .sort(([a, x], [b, y]) => y - x || compareText(a, b))
      .slice(0, TOP_GROUPS)
      .map(([text]) => text),
  );
  const byBucket = new Map<number, Record<string, number>>();
  const totals = new Map<string, number>();
  for (const record of scope.records) {
    const text = field.text(record);
    const stack = text !== null && top.has(text) ? text : OTHER;
    const b = bucketOf(record);
    const counts = byBucket.get(b) ?? {};
    counts[stack] = (counts[stack] ?? 0) + 1;
    byBucket.set(b, counts);
    totals.set(stack, (totals.get(stack) ?? 0) + 1);
  }
  const groups = stackOrder(totals);
  return {
    interval_ms: interval,
    groups,
    buckets: starts.map((time, i) => {
      const by = byBucket.get(i) ?? {};
      return { count: Object.values(by).reduce((a, b) => a + b, 0), by_group: by, time };
    }),
  };
}

const PERCENTILES: Record<string, number> = { p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95, p99: 0.99 };

/** count(*), or avg/min/max/quantile_cont of the numbers present (NULL when there are none). */
function aggregator(
  aggregate: AnalysisInput['aggregate'],
  field: Field | null,
): (records: readonly MemoryRecord[]) => number | null {
  if (aggregate === 'count' || aggregate === undefined || !field)
    return (records) => records.length;
  return (records) => {
    const values: number[] = [];
    for (const record of records) {
      const n = numberOf(field, record);
      if (n !== null) values.push(n);
    }
    if (values.length === 0) return null;
    const p = PERCENTILES[aggregate];
    if (p !== undefined) return quantileCont(values.sort(compareDoubles), p);
    if (aggregate === 'avg') return values.reduce((a, b) => a + b, 0) / values.length;
    const pick = aggregate === 'min' ? -1 : 1;
    return values.reduce((a, b) => (compareDoubles(b, a) === pick ? b : a));
  };
}

/** DuckDB's quantile_cont: linear interpolation between the closest ranks. */
export function quantileCont(sorted: readonly number[], p: number): number {
  const rank = (sorted.length - 1) * p;
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const lo = sorted[lower] as number;
  if (lower === upper) return lo;
  const hi = sorted[upper] as number;
  return lo + (hi - lo) * (rank - lower);
}

export function analysis(store: MemoryEventStore, raw: AnalysisInput): AnalysisResult {
  const input = parseInput(analysisBody, raw);
  const groupBy: readonly string[] = input.group_by ?? [];
  const scope = prepareScope(store, input);
  for (const name of groupBy) checkField(scope, name, 'group_by');
  if (input.field)
    checkField(scope, input.field, 'field', { numeric: input.aggregate !== 'count' });
  const fields = groupBy.map((name) => fieldOf(scope.category, name));
  const measure = aggregator(
    input.aggregate,
    input.field ? fieldOf(scope.category, input.field) : null,
  );

  // Groups in the order first met, as the store's hash aggregate hands them over.
  const groups = new Map<string, { values: (TypedValue | null)[]; records: MemoryRecord[] }>();
  if (fields.length === 0) groups.set('', { values: [], records: [] });
  for (const record of scope.records) {
    const values = fields.map((field) => field.value(record));
    const key = values.map(valueKey).join('\u0000');
    const group = groups.get(key) ?? { values, records: [] };
    group.records.push(record);
    groups.set(key, group);
  }
  const ranked = [...groups.values()]
    .map((group) => ({ ...group, value: measure(group.records) }))
    .sort((a, b) =>
      a.value === null || b.value === null
        ? a.value === b.value
          ? 0
          : a.value === null
            ? 1
            : -1
        : compareDoubles(b.value, a.value),
    )
    .slice(0, input.limit);
  const groupOf = (values: (TypedValue | null)[]) =>
    Object.fromEntries(
      groupBy.map((name, i) => {
        const value = values[i] ?? null;
        return [name, value === null ? null : jsonValue(value)];
      }),
    );
  if (input.mode === 'toplist') {
    return {
      mode: 'toplist',
      interval_ms: null,
      series: ranked.map((group) => ({ group: groupOf(group.values), value: group.value })),
    };
  }
  const interval = bucketInterval(input.from, input.to, input.buckets);
  const starts = bucketStarts(input.from, input.to, interval);
  return {
    mode: 'timeseries',
    interval_ms: interval,
    series: ranked.map((group) => {
      const byBucket = new Map<number, MemoryRecord[]>();
      for (const record of group.records) {
        const b = bucketIndex(record.time, input.from, interval);
        const records = byBucket.get(b);
        if (records) records.push(record);
        else byBucket.set(b, [record]);
      }
      return {
        group: groupOf(group.values),
        value: group.value,
        points: starts.map((time, i) => {
          const records = byBucket.get(i);
          const value = records ? measure(records) : null;
          return { time, value: value ?? (input.aggregate === 'count' ? 0 : null) };
        }),
      };
    }),
  };
}
