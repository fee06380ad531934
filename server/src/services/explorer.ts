import type {
  AnalysisInput,
  AnalysisResult,
  EventRecord,
  FacetInput,
  FacetResult,
  HistogramInput,
  HistogramResult,
  SearchEventsInput,
  SearchEventsResult,
} from '@rumkit/core/api';
import { type Category, getField } from '@rumkit/core/schema';
import {
  isSearchSyntaxError,
  parseSearch,
  type SearchSyntaxError,
  validateSearch,
} from '@rumkit/core/search';
import { HttpError } from '../http/errors.js';
import type { EventStore, QueryScope, StoredRecord } from '../store/types.js';

type ScopeInput = {
  category: Category;
  from: number;
  to: number;
  query?: string | undefined;
  app_ids?: string[] | undefined;
};

/**
 * Reads the explorer's search text and checks it against what the category's records
 * carry (catalogue fields and the custom keys seen in the data); a problem is a 400 that
 * names its position in the text.
 */
export async function prepareScope(
  store: EventStore,
  workspaceId: string,
  input: ScopeInput,
): Promise<QueryScope> {
  let filter: ReturnType<typeof parseSearch>;
  try {
    filter = parseSearch(input.query ?? '');
  } catch (error) {
    if (isSearchSyntaxError(error)) throw searchError(error);
    throw error;
  }
  const customKeys = new Set(await store.customKeys(workspaceId, input.category));
  const problem = validateSearch(filter, input.category, customKeys);
  if (problem) throw searchError(problem);
  return {
    category: input.category,
    workspaceId,
    from: input.from,
    to: input.to,
    filter,
    customKeys,
    ...(input.app_ids ? { appIds: input.app_ids } : {}),
  };
}

function searchError(error: SearchSyntaxError): HttpError {
  return new HttpError(400, `search.${error.code}`, `${error.message} (at ${error.position})`, {
    position: error.position,
    length: error.length,
  });
}

/** A field named in columns, sort, facets or groups must exist for the category. */
function checkField(scope: QueryScope, name: string, where: string, { numeric = false } = {}) {
  if (name === 'time') return;
  const def = getField(name);
  const known = def !== undefined && (def.categories as readonly string[]).includes(scope.category);
  if (!known && !scope.customKeys.has(name)) {
    throw new HttpError(
      400,
      'field.unknown',
      `${where}: ${scope.category} records have no field ${JSON.stringify(name)}`,
    );
  }
  if (numeric && known && def.type !== 'integer' && def.type !== 'float') {
    throw new HttpError(
      400,
      'field.not_numeric',
      `${where}: ${JSON.stringify(name)} holds ${def.type} values, not numbers`,
    );
  }
}

export async function searchEvents(
  store: EventStore,
  workspaceId: string,
  input: SearchEventsInput,
): Promise<SearchEventsResult> {
  const scope = await prepareScope(store, workspaceId, input);
  for (const column of input.columns ?? []) checkField(scope, column, 'columns');
  if (input.sort) checkField(scope, input.sort.field, 'sort');
  const result = await store.search({
    ...scope,
    limit: input.limit ?? 50,
    ...(input.columns ? { columns: input.columns } : {}),
    ...(input.sort ? { sort: input.sort } : {}),
    ...(input.cursor ? { cursor: input.cursor } : {}),
  });
  return { rows: result.rows.map(jsonRecord), next_cursor: result.nextCursor };
}

export async function facet(
  store: EventStore,
  workspaceId: string,
  input: FacetInput,
): Promise<FacetResult> {
  const scope = await prepareScope(store, workspaceId, input);
  checkField(scope, input.field, 'field');
  return store.facet({
    ...scope,
    field: input.field,
    limit: input.limit ?? 10,
    ...(input.search ? { search: input.search } : {}),
  });
}

export async function histogram(
  store: EventStore,
  workspaceId: string,
  input: HistogramInput,
): Promise<HistogramResult> {
  const scope = await prepareScope(store, workspaceId, input);
  if (input.group_by) checkField(scope, input.group_by, 'group_by');
  return store.histogram({
    ...scope,
    buckets: input.buckets ?? 60,
    ...(input.group_by ? { groupBy: input.group_by } : {}),
  });
}

export async function analysis(
  store: EventStore,
  workspaceId: string,
  input: AnalysisInput,
): Promise<AnalysisResult> {
  const scope = await prepareScope(store, workspaceId, input);
  const groupBy = input.group_by ?? [];
  for (const name of groupBy) checkField(scope, name, 'group_by');
  if (input.field)
    checkField(scope, input.field, 'field', { numeric: (input.aggregate ?? 'count') !== 'count' });
  return store.analysis({
    ...scope,
    groupBy,
    aggregate: input.aggregate ?? 'count',
    mode: input.mode ?? 'toplist',
    limit: input.limit ?? 10,
    buckets: input.buckets ?? 60,
    ...(input.field ? { field: input.field } : {}),
  });
}

/** JSON has no 64-bit integers: values past 2^53 travel as strings. */
export function jsonRecord(record: StoredRecord): EventRecord {
  const { workspace_id: _, ...rest } = record;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest))
    out[key] = key === 'custom' ? jsonValues(value as Record<string, unknown>) : jsonValue(value);
  return out as EventRecord;
}

function jsonValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, jsonValue(v)]));
}

function jsonValue(value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}
