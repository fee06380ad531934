import { foldSessions, type SessionState, sessionKey } from '@rumkit/core/rules';
import type { Category } from '@rumkit/core/schema';
import { groupBy } from '../serial.js';
import type { EventRow } from '../types.js';
import { quote, table } from './ddl.js';
import type { Executor } from './executor.js';
import { Sql } from './query.js';
import { eventRow, type InsertRow, sessionRow, toSessionState } from './rows.js';

/** What a write needs besides the rows. */
export interface WriteContext {
  executor: Executor;
  database: string;
  /** The workspace's retention tier in days; 0 when the store is not told. */
  tierOf: (workspaceId: string) => number;
  /** The next session version: higher than any stored. */
  nextVersion: () => bigint;
  /** Custom keys already recorded, as keyOf gives them. */
  seenKeys: Set<string>;
}

export const keyOf = (workspaceId: string, category: string, key: string) =>
  [workspaceId, category, key].join('\u0000');

const DAY = 86_400_000;
/** The partition a row lands in: a later version must land in the same one to replace it. */
const partitionOf = (tier: number, time: number) => `${tier}/${Math.floor(time / DAY)}`;

const viewKey = (row: EventRow) => `${row.workspaceId}\u0000${String(row.values.view_id ?? '')}`;
const timeSpent = (row: EventRow) => {
  const value = Number(row.values.time_spent ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
};

/** Within one batch, the same view may come several times: keep its latest version. */
function latestPerView(views: readonly EventRow[]): EventRow[] {
  const latest = new Map<string, EventRow>();
  for (const view of views) {
    const seen = latest.get(viewKey(view));
    if (!seen || timeSpent(view) >= timeSpent(seen)) latest.set(viewKey(view), view);
  }
  return [...latest.values()];
}

/**
 * Stores a batch: events appended, views and sessions written as new versions of their key.
 * ClickHouse has no transaction across tables; each table's insert is atomic, and the
 * derived rows (sessions, custom keys) go last, so a failed write leaves no session counting
 * events that are not stored.
 */
export async function writeBatch(ctx: WriteContext, rows: readonly EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  const byCategory = groupBy(rows, (row) => row.category);
  const views = latestPerView(byCategory.get('view') ?? []);
  const sessionRows = [...views, ...rows.filter((row) => row.category !== 'view')].filter(
    (row) => typeof row.values.session_id === 'string' && row.values.session_id !== '',
  );
  // Both lookups at once: chDB and a server run them side by side.
  const [stored, storedSessions] = await Promise.all([
    storedKeys(ctx, 'view', views, (v) => String(v.values.view_id ?? '')),
    storedKeys(ctx, 'session', sessionRows, (r) => String(r.values.session_id)),
  ]);
  const newViews = new Set<EventRow>();
  const keep: EventRow[] = [];
  const moved: EventRow[] = [];
  for (const view of views) {
    const previous = stored.get(viewKey(view));
    if (!previous) newViews.add(view);
    // The latest version is the longest; on a tie the later arrival (inserted later) wins.
    if (!previous || timeSpent(view) >= Number(previous.time_spent ?? 0)) {
      keep.push(view);
      const tier = ctx.tierOf(view.workspaceId);
      if (previous && previous.partition !== partitionOf(tier, view.time)) moved.push(view);
    }
  }
  const states = new Map<string, SessionState>();
  for (const [key, found] of storedSessions) states.set(key, toSessionState(found.row));
  const sessions = foldSessions(sessionRows, states, (row) => newViews.has(row));
  const movedSessions = [...sessions.values()].filter((state) => {
    const found = storedSessions.get(sessionKey(state.workspaceId, state.sessionId));
    return found && found.partition !== partitionOf(ctx.tierOf(state.workspaceId), state.start);
  });

  await deleteKeys(
    ctx,
    'view',
    moved.map((v) => [v.workspaceId, String(v.values.view_id)]),
  );
  await deleteKeys(
    ctx,
    'session',
    movedSessions.map((s) => [s.workspaceId, s.sessionId]),
  );
  await Promise.all([
    ...[...byCategory]
      .filter(([category]) => category !== 'view')
      .map(([category, list]) =>
        insert(
          ctx,
          category,
          list.map((row) => eventRow(row, ctx.tierOf(row.workspaceId))),
        ),
      ),
    insert(
      ctx,
      'view',
      keep.map((v) => eventRow(v, ctx.tierOf(v.workspaceId), BigInt(Math.round(timeSpent(v))))),
    ),
  ]);
  await Promise.all([
    insert(
      ctx,
      'session',
      [...sessions.values()].map((s) =>
        sessionRow(s, ctx.tierOf(s.workspaceId), ctx.nextVersion()),
      ),
    ),
    recordCustomKeys(ctx, rows),
  ]);
}

async function insert(ctx: WriteContext, category: Category | 'custom_key', rows: InsertRow[]) {
  await ctx.executor.insert(table(ctx.database, category), rows);
}

interface Stored {
  row: Record<string, unknown>;
  time_spent?: unknown;
  partition: string;
}

/** The stored version of each key the rows name (views by view_id, sessions by session_id). */
async function storedKeys(
  ctx: WriteContext,
  category: 'view' | 'session',
  rows: readonly EventRow[],
  id: (row: EventRow) => string,
): Promise<Map<string, Stored>> {
  const found = new Map<string, Stored>();
  const column = category === 'view' ? 'view_id' : 'session_id';
  const columns =
    category === 'session'
      ? new Sql(ctx.database, 'session').select()
      : 'view_id, time_spent, toUnixTimestamp64Milli(time) AS time';
  for (const [workspaceId, group] of groupBy(rows, (row) => row.workspaceId)) {
    const ids = [...new Set(group.map(id))];
    const stored = await ctx.executor.query<Record<string, unknown>>(
      `SELECT ${columns}, retention_days FROM ${table(ctx.database, category)} FINAL
       WHERE workspace_id = {w:String} AND ${quote(column)} IN {ids:Array(String)}`,
      { w: workspaceId, ids },
    );
    for (const row of stored) {
      found.set(`${workspaceId}\u0000${String(row[column])}`, {
        row,
        time_spent: row.time_spent,
        partition: partitionOf(Number(row.retention_days), Number(row.time)),
      });
    }
  }
  return found;
}

/** Removes every stored version of these keys (their next one lands in another partition). */
async function deleteKeys(
  ctx: WriteContext,
  category: 'view' | 'session',
  keys: readonly [workspaceId: string, id: string][],
) {
  const column = category === 'view' ? 'view_id' : 'session_id';
  for (const [workspaceId, group] of groupBy(keys, ([w]) => w)) {
    await ctx.executor.command(
      `DELETE FROM ${table(ctx.database, category)} WHERE workspace_id = {w:String} AND ${quote(column)} IN {ids:Array(String)}`,
      { w: workspaceId, ids: group.map(([, id]) => id) },
    );
  }
}

/** Remembers each custom context key once, so the explorer can search it like a field. */
async function recordCustomKeys(ctx: WriteContext, rows: readonly EventRow[]) {
  const fresh = new Map<string, InsertRow>();
  for (const row of rows) {
    for (const key of Object.keys(row.custom)) {
      const id = keyOf(row.workspaceId, row.category, key);
      if (!ctx.seenKeys.has(id) && !fresh.has(id))
        fresh.set(id, { workspace_id: row.workspaceId, category: row.category, key });
    }
  }
  await insert(ctx, 'custom_key', [...fresh.values()]);
  for (const id of fresh.keys()) ctx.seenKeys.add(id);
}
