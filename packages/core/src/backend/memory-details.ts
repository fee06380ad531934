// Session, view and event details, error clusters and usage over the in-memory store, as the
// reference server gives them (server/src/services/details.ts and usage.ts). Clustering and the
// usage report are the shared rules in @rumkit/core/rules.
import {
  type DetailLookback,
  detailRoutes,
  type ErrorClusters,
  type ErrorClustersInput,
  type EventDetail,
  type EventRecord,
  type ExplorerCategory,
  errorClustersBody,
  type SessionDetail,
  TIMELINE_FIELDS,
  type UsageInput,
  type UsageReport,
  usageQuery,
  type ViewDetail,
  type Workspace,
} from '../api/index.js';
import {
  CLUSTER_SAMPLE_FIELDS,
  clusterErrors,
  ERROR_CLUSTER_SAMPLE,
} from '../rules/errorClusters.js';
import { summariseUsage, USAGE_BUCKET_MS, type UsageCount, usageWindow } from '../rules/usage.js';
import { type Category, getField } from '../schema/index.js';
import { recordNotFound, unknownField } from './errors.js';
import { fieldOf } from './memory-eval.js';
import { newestFirst, parseInput, pick, prepareScope, toEventRecord } from './memory-query.js';
import type { MemoryEventStore, MemoryRecord } from './memory-store.js';

const DAY = 24 * 3600 * 1000;
/** Most events a timeline returns of each category (a long SPA session can have thousands). */
const TIMELINE_LIMIT = 5000;

/** The id field of each category's records. */
const ID_FIELD: Record<ExplorerCategory, string> = {
  session: 'session_id',
  view: 'view_id',
  resource: 'resource_id',
  error: 'error_id',
  action: 'action_id',
  long_task: 'long_task_id',
};

/** The window a lookup searches: the last 15 days up to a day ahead, unless given. */
function window(lookback: unknown, now: number): { from: number; to: number } {
  const { from, to } = parseInput(detailRoutes.sessionDetail.query!, lookback);
  return { from: from ?? now - 15 * DAY, to: to ?? now + DAY };
}

/** Records of a category in the window whose field equals `value`, newest first. */
function list(
  store: MemoryEventStore,
  category: Category,
  range: { from: number; to: number },
  where: [string, string],
  limit: number,
): MemoryRecord[] {
  const field = fieldOf(category, where[0]);
  const from = Math.floor(range.from);
  const to = Math.ceil(range.to);
  const found: MemoryRecord[] = [];
  for (const record of store.records(category)) {
    if (record.time >= from && record.time < to && field.value(record) === where[1])
      found.push(record);
  }
  // Newest first; equal times keep the order they were stored in, as the store's sort does.
  return found.sort((a, b) => b.time - a.time).slice(0, limit);
}

const oldestFirst = (records: EventRecord[]) => records.sort((a, b) => a.time - b.time);

export function sessionDetail(
  store: MemoryEventStore,
  input: { session_id: string } & DetailLookback,
  now: number,
): SessionDetail {
  const { session_id: id, ...lookback } = input;
  parseInput(detailRoutes.sessionDetail.params!, { sessionId: id });
  const range = window(lookback, now);
  const [session] = list(store, 'session', range, ['session_id', id], 1);
  if (!session) throw recordNotFound('session', 'session', id);
  const lists = (['view', 'action', 'error', 'resource', 'long_task'] as const).map((category) =>
    list(store, category, range, ['session_id', id], TIMELINE_LIMIT).map((record) => ({
      ...pick(toEventRecord(record), ['session_id', ...TIMELINE_FIELDS[category]]),
      category,
    })),
  );
  const events = oldestFirst(lists.flat());
  return {
    session: toEventRecord(session),
    events: events.slice(0, TIMELINE_LIMIT),
    truncated:
      events.length > TIMELINE_LIMIT || lists.some((records) => records.length === TIMELINE_LIMIT),
  };
}

export function viewDetail(
  store: MemoryEventStore,
  input: { view_id: string } & DetailLookback,
  now: number,
): ViewDetail {
  const { view_id: id, ...lookback } = input;
  parseInput(detailRoutes.viewDetail.params!, { viewId: id });
  const range = window(lookback, now);
  const [view] = list(store, 'view', range, ['view_id', id], 1);
  if (!view) throw recordNotFound('view', 'view', id);
  const [resources = [], errors = [], actions = [], longTasks = []] = (
    ['resource', 'error', 'action', 'long_task'] as const
  ).map((category) =>
    oldestFirst(list(store, category, range, ['view_id', id], TIMELINE_LIMIT).map(toEventRecord)),
  );
  return { view: toEventRecord(view), resources, errors, actions, long_tasks: longTasks };
}

export function eventDetail(
  store: MemoryEventStore,
  input: { category: ExplorerCategory; id: string } & DetailLookback,
  now: number,
): EventDetail {
  const { category: rawCategory, id: rawId, ...lookback } = input;
  const { category, id } = parseInput(detailRoutes.eventDetail.params!, {
    category: rawCategory,
    id: rawId,
  });
  const range = window(lookback, now);
  const [event] = list(store, category, range, [ID_FIELD[category], id], 1);
  if (!event) throw recordNotFound('event', category, id);
  const find = (which: 'session' | 'view' | 'action', key: string) => {
    const value = event.values[key];
    if (typeof value !== 'string' || value === '' || which === category) return null;
    const [found] = list(store, which, range, [key, value], 1);
    return found ? toEventRecord(found) : null;
  };
  return {
    event: toEventRecord(event),
    session: find('session', 'session_id'),
    view: find('view', 'view_id'),
    action: find('action', 'action_id'),
  };
}

export function errorClusters(store: MemoryEventStore, raw: ErrorClustersInput): ErrorClusters {
  const input = parseInput(errorClustersBody, raw);
  const scope = prepareScope(store, { ...input, category: 'error' });
  for (const field of input.fields ?? []) {
    const isErrorField = (getField(field)?.categories as readonly string[] | undefined)?.includes(
      'error',
    );
    if (!scope.customKeys.has(field) && !isErrorField) throw unknownField('fields', 'error', field);
  }
  const rows = scope.records.sort(newestFirst).slice(0, ERROR_CLUSTER_SAMPLE);
  return {
    sampled: rows.length,
    clusters: clusterErrors(
      rows.map((row) =>
        pick(toEventRecord(row), [...CLUSTER_SAMPLE_FIELDS, ...(input.fields ?? [])]),
      ),
      input.fields,
      input.limit,
    ),
  };
}

const BILLED = ['view', 'resource', 'error', 'action', 'long_task'] as const;

export function usage(
  store: MemoryEventStore,
  workspace: Workspace,
  raw: UsageInput,
  now: number,
): UsageReport {
  const range = parseInput(usageQuery, raw);
  const { start, end } = usageWindow(range, workspace.time_zone);
  const counts = new Map<string, UsageCount>();
  const add = (record: MemoryRecord, category: UsageCount['category'], n: number) => {
    const bucket = Math.floor(record.time / USAGE_BUCKET_MS) * USAGE_BUCKET_MS;
    const appId = String(record.values.app_id ?? null);
    const key = `${bucket}\u0000${appId}\u0000${category}`;
    const entry = counts.get(key) ?? { bucket, appId, category, count: 0 };
    entry.count += n;
    counts.set(key, entry);
  };
  const inWindow = (record: MemoryRecord) => record.time >= start && record.time < end;
  for (const category of BILLED) {
    for (const record of store.records(category)) if (inWindow(record)) add(record, category, 1);
  }
  // Replay sessions count once per started 4 h of the session (session_time_spent_count).
  for (const record of store.records('session')) {
    if (inWindow(record) && record.values.session_has_replay === true)
      add(record, 'replay', Number(record.values.session_time_spent_count ?? 0));
  }
  return summariseUsage([...counts.values()], workspace, range, now);
}
