// The in-memory backend's events: DataKit points typed by the catalogue and stored the way the
// reference server's store keeps them (server/src/ingest/datakit/pipeline.ts and
// server/src/store/duckdb/engine.ts): the latest version of a view wins, sessions are derived
// by the shared rule, custom context keys are remembered for the search.
import type { Point } from '../protocol/index.js';
import { foldSessions, type SessionState, sessionKey } from '../rules/sessions.js';
import { pathGroup, statusGroup } from '../rules/urlGroup.js';
import {
  type Category,
  checkPoint,
  getField,
  type IngestCategory,
  parseValue,
  type TypedValue,
} from '../schema/index.js';
import { categoryFields, type EvalRecord } from './memory-eval.js';

/** A stored record: what a row of the server's tables holds. */
export interface MemoryRecord extends EvalRecord {
  category: Category;
  /** Insertion order, as a table's rowid: a replaced view or session gets a new one. */
  seq: number;
  values: Record<string, TypedValue>;
  custom: Record<string, TypedValue>;
}

/** One event on its way in: typed values, unknown keys as custom context. */
interface Row {
  category: IngestCategory;
  time: number;
  workspaceId: string;
  values: Record<string, TypedValue>;
  custom: Record<string, TypedValue>;
}

export interface MemoryEventStore {
  /** Stores points as one batch, as one request to `/v1/write/rum` would. */
  ingest(points: readonly Point[]): { written: number };
  /** Every record of a category, oldest insertion first. */
  records(category: Category): Iterable<MemoryRecord>;
  /** Custom context keys ever stored for a category. */
  customKeys(category: Category): ReadonlySet<string>;
  /** Deletes records that start before `before` (ms), as the server's retention does. */
  deleteOlderThan(before: number): void;
  /**
   * Marks a stored session as having a replay, as the server's replay ingest does; a session
   * with no event yet is left alone (its SDK's events say so when they come).
   */
  markReplay(sessionId: string): void;
}

const WORKSPACE = 'memory';
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function createEventStore(now: () => number): MemoryEventStore {
  const tables = new Map<Category, Map<number, MemoryRecord>>();
  const keys = new Map<Category, Set<string>>();
  const views = new Map<string, MemoryRecord>();
  const sessions = new Map<string, SessionState>();
  const sessionRecords = new Map<string, MemoryRecord>();
  let seq = 0;

  const table = (category: Category) => {
    let rows = tables.get(category);
    if (!rows) {
      rows = new Map();
      tables.set(category, rows);
    }
    return rows;
  };
  const append = (
    category: Category,
    time: number,
    values: Record<string, TypedValue>,
    custom: Record<string, TypedValue>,
  ) => {
    const record: MemoryRecord = {
      category,
      time: Math.round(time),
      seq: ++seq,
      values,
      custom,
    };
    table(category).set(record.seq, record);
    return record;
  };
  const remove = (record: MemoryRecord) => tables.get(record.category)?.delete(record.seq);

  function ingest(points: readonly Point[]): { written: number } {
    const rows = points.map((point, index) => toRow(point, index, now()));
    // Views: the latest version of each view_id wins (the longest time_spent, later on a tie).
    const latest = new Map<string, Row>();
    for (const row of rows) {
      if (row.category !== 'view') continue;
      const seen = latest.get(viewKey(row));
      if (!seen || timeSpent(row) >= timeSpent(seen)) latest.set(viewKey(row), row);
    }
    const batchViews = [...latest.values()];
    const newViews = new Set<Row>();
    for (const view of batchViews) {
      const previous = views.get(viewKey(view));
      if (!previous) newViews.add(view);
      if (!previous || timeSpent(view) >= timeSpent(previous)) {
        if (previous) remove(previous);
        views.set(viewKey(view), append('view', view.time, view.values, view.custom));
      }
    }
    for (const row of rows) {
      if (row.category !== 'view') append(row.category, row.time, row.values, row.custom);
    }
    // Sessions: folded from the batch's latest views, then its other events, in that order.
    const sessionRows = [...batchViews, ...rows.filter((row) => row.category !== 'view')];
    for (const [key, state] of foldSessions(sessionRows, sessions, (row) => newViews.has(row))) {
      const stored = sessionRecords.get(key);
      if (stored) remove(stored);
      sessions.set(key, state);
      sessionRecords.set(key, append('session', state.start, state.values, {}));
    }
    for (const row of rows) {
      let seen = keys.get(row.category);
      if (!seen) {
        seen = new Set();
        keys.set(row.category, seen);
      }
      for (const key of Object.keys(row.custom)) seen.add(key);
    }
    return { written: rows.length };
  }

  return {
    ingest,
    records: (category) => tables.get(category)?.values() ?? [],
    customKeys: (category) => keys.get(category) ?? new Set(),
    markReplay(sessionId) {
      // The record's values are the state's: one assignment marks both.
      const state = sessions.get(sessionKey(WORKSPACE, sessionId));
      if (state) state.values.session_has_replay = true;
    },
    deleteOlderThan(before) {
      for (const rows of tables.values()) {
        for (const record of rows.values()) if (record.time < before) rows.delete(record.seq);
      }
      for (const [key, view] of views) if (view.time < before) views.delete(key);
      for (const [key, record] of sessionRecords) {
        if (record.time < before) {
          sessionRecords.delete(key);
          sessions.delete(key);
        }
      }
    },
  };
}

const viewKey = (row: { values: Record<string, TypedValue> }) => String(row.values.view_id);
const timeSpent = (row: { values: Record<string, TypedValue> }) =>
  Number(row.values.time_spent ?? 0);

/**
 * A point typed by the catalogue, as the server's ingest pipeline does: catalogued values of
 * the category parsed to their type, every other key kept as custom context, path and status
 * groups filled in when the client did not send them. Throws on a point the server refuses.
 */
function toRow(point: Point, index: number, now: number): Row {
  const refuse = (message: string) =>
    new TypeError(`point ${index + 1} (${point.measurement}): ${message}`);
  const problems = checkPoint(point);
  if (problems.length > 0) throw refuse(problems.map((p) => p.message).join('; '));
  const category = point.measurement as IngestCategory;
  const known = categoryFields(category);
  const values: Record<string, TypedValue> = {};
  const custom: Record<string, TypedValue> = {};
  for (const source of [point.tags, point.fields]) {
    for (const [key, raw] of Object.entries(source)) {
      const def = getField(key);
      if (!def || !known.has(key)) {
        custom[key] = raw;
        continue;
      }
      const value = parseValue(def.type, raw);
      if (value === undefined) throw refuse(`${key} does not fit its type`);
      if (typeof value === 'bigint' && (value < INT64_MIN || value > INT64_MAX))
        throw refuse(`${key} = ${value} does not fit in 64 bits`);
      values[key] = value;
    }
  }
  if (values.view_path_group === undefined && typeof values.view_path === 'string')
    values.view_path_group = pathGroup(values.view_path);
  if (values.resource_url_path_group === undefined && typeof values.resource_url_path === 'string')
    values.resource_url_path_group = pathGroup(values.resource_url_path);
  if (values.resource_status_group === undefined && values.resource_status !== undefined) {
    const group = statusGroup(values.resource_status as number | string);
    if (group !== undefined) values.resource_status_group = group;
  }
  return { category, time: point.time ?? now, workspaceId: WORKSPACE, values, custom };
}
