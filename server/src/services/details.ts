import type {
  ErrorClusters,
  ErrorClustersInput,
  EventDetail,
  ExplorerCategory,
  SessionDetail,
  ViewDetail,
} from '@rumkit/core/api';
import { CLUSTER_SAMPLE_FIELDS, clusterBunches, ERROR_CLUSTER_SAMPLE } from '@rumkit/core/rules';
import { getField } from '@rumkit/core/schema';
import type { Filter } from '@rumkit/core/search';
import { HttpError } from '../http/errors.js';
import type { EventStore, StoredRecord } from '../store/types.js';
import { jsonRecord, prepareScope } from './explorer.js';

const DAY = 24 * 3600 * 1000;
/** Most events a session timeline returns (a long SPA session can have thousands). */
const TIMELINE_LIMIT = 5000;

/** The id field of each category's records. */
export const ID_FIELD: Record<ExplorerCategory, string> = {
  session: 'session_id',
  view: 'view_id',
  resource: 'resource_id',
  error: 'error_id',
  action: 'action_id',
  long_task: 'long_task_id',
};

const MINUTE = 60_000;
/** Sessions last 4 hours at most (spec §1.4). */
const MAX_SESSION_MS = 4 * 3600 * 1000;
/** Slack around a session's or view's span for events timed a little outside it. */
const MARGIN_MS = 5 * MINUTE;

/**
 * The time a session's or view's events fall in: from its start to its start plus its
 * time_spent, with some slack. Lookups by session or view id are bounded by it, so they read
 * the row groups of that span instead of the whole range.
 */
function spanOf(record: StoredRecord): { from: number; to: number } {
  const spentMs = Number(record.time_spent ?? 0) / 1e6;
  return { from: record.time - MARGIN_MS, to: record.time + spentMs + MARGIN_MS };
}

export interface Lookback {
  from?: number | undefined;
  to?: number | undefined;
}

/** The window a lookup searches: the last 15 days up to a day ahead, unless given. */
export function window(lookback: Lookback, now: number) {
  return { from: lookback.from ?? now - 15 * DAY, to: lookback.to ?? now + DAY };
}

export function sessionNotFound(sessionId: string): HttpError {
  return new HttpError(
    404,
    'session.not_found',
    `no session ${JSON.stringify(sessionId)} in this workspace and range`,
  );
}

/**
 * A session's record in the window and its timeline; null and none when it has no record
 * there. The session detail and the session replay both show them.
 */
export async function sessionTimeline(
  store: EventStore,
  workspaceId: string,
  sessionId: string,
  range: { from: number; to: number },
): Promise<SessionDetail | { session: null; events: []; truncated: false }> {
  // Both by index: the session's record and its timeline, kept per session as its events are
  // written (docs/decisions/005, "The session timeline").
  const [[session], events] = await Promise.all([
    store.list({
      category: 'session',
      workspaceId,
      ...range,
      where: { session_id: sessionId },
      limit: 1,
    }),
    store.timeline(workspaceId, sessionId),
  ]);
  if (!session) return { session: null, events: [], truncated: false };
  return {
    session: jsonRecord(session),
    events: events.slice(0, TIMELINE_LIMIT).map(jsonRecord),
    truncated: events.length > TIMELINE_LIMIT,
  };
}

export async function sessionDetail(
  store: EventStore,
  workspaceId: string,
  sessionId: string,
  lookback: Lookback,
  now: number,
): Promise<SessionDetail> {
  const found = await sessionTimeline(store, workspaceId, sessionId, window(lookback, now));
  if (!found.session) throw sessionNotFound(sessionId);
  return found;
}

export async function viewDetail(
  store: EventStore,
  workspaceId: string,
  viewId: string,
  lookback: Lookback,
  now: number,
): Promise<ViewDetail> {
  const range = { workspaceId, ...window(lookback, now), where: { view_id: viewId } };
  const [view] = await store.list({ category: 'view', ...range, limit: 1 });
  if (!view)
    throw new HttpError(
      404,
      'view.not_found',
      `no view ${JSON.stringify(viewId)} in this workspace and range`,
    );
  const oldestFirst = (records: StoredRecord[]) =>
    records.sort((a, b) => a.time - b.time).map(jsonRecord);
  const within = { ...range, ...spanOf(view) };
  const [resources, errors, actions, longTasks] = await Promise.all(
    (['resource', 'error', 'action', 'long_task'] as const).map((category) =>
      store.list({ category, ...within, limit: TIMELINE_LIMIT }),
    ),
  );
  return {
    view: jsonRecord(view),
    resources: oldestFirst(resources ?? []),
    errors: oldestFirst(errors ?? []),
    actions: oldestFirst(actions ?? []),
    long_tasks: oldestFirst(longTasks ?? []),
  };
}

export async function eventDetail(
  store: EventStore,
  workspaceId: string,
  category: ExplorerCategory,
  id: string,
  lookback: Lookback,
  now: number,
): Promise<EventDetail> {
  const base = { workspaceId, ...window(lookback, now) };
  const [event] = await store.list({
    category,
    ...base,
    where: { [ID_FIELD[category]]: id },
    limit: 1,
  });
  if (!event)
    throw new HttpError(
      404,
      'event.not_found',
      `no ${category} ${JSON.stringify(id)} in this workspace and range`,
    );
  const find = async (which: 'session' | 'view' | 'action', key: string) => {
    const value = event[key];
    if (typeof value !== 'string' || value === '' || which === category) return null;
    // A session or view starts at most 4 h before its events; an action just before its own.
    const before = which === 'action' ? 10 * MINUTE : MAX_SESSION_MS + MARGIN_MS;
    const [found] = await store.list({
      category: which,
      ...base,
      from: Math.max(base.from, event.time - before),
      to: Math.min(base.to, event.time + MARGIN_MS),
      where: { [key]: value },
      limit: 1,
    });
    return found ? jsonRecord(found) : null;
  };
  const [session, view, action] = await Promise.all([
    find('session', 'session_id'),
    find('view', 'view_id'),
    find('action', 'action_id'),
  ]);
  return { event: jsonRecord(event), session, view, action };
}

/**
 * Error clusters (spec §1.6): the newest errors of the range, up to 10,000, grouped by the
 * pattern of error_message (values masked) or by up to three fields.
 */
export async function errorClusters(
  store: EventStore,
  workspaceId: string,
  input: ErrorClustersInput,
): Promise<ErrorClusters> {
  const scope = await prepareScope(store, workspaceId, { ...input, category: 'error' });
  for (const field of input.fields ?? []) {
    if (!scope.customKeys.has(field) && !isErrorField(field)) {
      throw new HttpError(
        400,
        'field.unknown',
        `fields: error records have no field ${JSON.stringify(field)}`,
      );
    }
  }
  // The store groups the newest errors by exact message (or field values); masking merges
  // those groups here. The samples are then read whole by their ids.
  const fields = input.fields ?? [];
  const { sampled, groups } = await store.errorGroups({
    ...scope,
    category: 'error',
    fields,
    sample: ERROR_CLUSTER_SAMPLE,
  });
  const clusters = clusterBunches(
    groups.map((group) => ({
      sample: jsonRecord({
        time: group.lastSeen,
        workspace_id: workspaceId,
        custom: {},
        error_id: group.errorId,
        ...group.values,
      }),
      count: group.count,
      first_seen: group.firstSeen,
      last_seen: group.lastSeen,
    })),
    input.fields,
    input.limit ?? 50,
  );
  const ids = clusters.map((c) => c.sample.error_id).filter((id) => typeof id === 'string');
  if (ids.length > 0) {
    // Each sample's time is known (its group's last_seen): bound the lookup by them.
    const times = clusters.map((c) => c.sample.time);
    const samples = await store.search({
      ...scope,
      from: Math.max(scope.from, Math.min(...times)),
      to: Math.min(scope.to, Math.max(...times) + 1),
      filter: withIds(scope.filter, ids as string[]),
      columns: [...CLUSTER_SAMPLE_FIELDS, ...fields],
      limit: ids.length,
    });
    const byId = new Map(samples.rows.map((row) => [row.error_id, jsonRecord(row)]));
    for (const cluster of clusters)
      cluster.sample = byId.get(cluster.sample.error_id) ?? cluster.sample;
  }
  return { sampled, clusters };
}

/** The scope's filter, narrowed to records with one of these error_ids. */
function withIds(filter: Filter | null, ids: readonly string[]): Filter {
  const span = { start: 0, end: 0 };
  const terms: Filter[] = ids.map((id) => ({
    type: 'term',
    op: 'eq',
    key: 'error_id',
    keySpan: span,
    span,
    value: { text: id },
  }));
  const byId: Filter =
    terms.length === 1 ? (terms[0] as Filter) : { type: 'or', children: terms, span };
  return filter ? { type: 'and', children: [filter, byId], span } : byId;
}

function isErrorField(name: string): boolean {
  return (getField(name)?.categories as readonly string[] | undefined)?.includes('error') ?? false;
}
