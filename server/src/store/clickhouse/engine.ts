import { CATEGORIES } from '@rumkit/core/schema';
import { serialQueue } from '../serial.js';
import type {
  CountQuery,
  EventStore,
  ListQuery,
  RetentionCut,
  StoredRecord,
  UsageBucket,
} from '../types.js';
import { analysis, errorGroups } from './analysis.js';
import { databaseName, isReplacing, promotedStatements, schemaStatements, table } from './ddl.js';
import { chdbExecutor, type Executor, type ExtraSettings, httpExecutor } from './executor.js';
import { facet, histogram, search } from './explore.js';
import { Sql } from './query.js';
import {
  deleteSegmentsOlderThan,
  readSegments,
  SEGMENT_TABLE,
  segmentStatement,
  writeSegments,
} from './replay.js';
import { toRecord } from './rows.js';
import { readTimeline } from './timeline.js';
import { keyOf, type WriteContext, writeBatch } from './write.js';

export interface ClickHouseOptions {
  /** A ClickHouse server over HTTP (`http://user:password@host:8123`); else chDB at `path`. */
  url?: string;
  /** chDB's data directory (one process per directory). */
  path?: string;
  /** An executor to use instead (not closed by the store). */
  executor?: Executor;
  /** Settings added to every statement (an own executor only), e.g. `max_threads`. */
  settings?: ExtraSettings;
  /** The database holding the tables; default `rumkit`. */
  database?: string;
  /**
   * The workspace's retention tier in days, written with each row: rows are partitioned by it
   * and expire by TTL. Default: not known (0), and only deleteOlderThan removes rows.
   */
  retentionDays?: (workspaceId: string) => number | undefined;
}

/**
 * The ClickHouse engine, for when one machine's DuckDB is not enough (docs/decisions/
 * 030-clickhouse-engine.md). Every call is asynchronous I/O (HTTP, or chDB's calls off the
 * event loop), so it needs no thread of its own.
 */
export async function openClickHouseStore(options: ClickHouseOptions): Promise<EventStore> {
  const database = databaseName(options.database ?? 'rumkit');
  const executor = options.executor ?? openExecutor(options);
  const ownsExecutor = options.executor === undefined;
  try {
    const [createDatabase, ...createTables] = schemaStatements(database);
    await executor.command(createDatabase as string);
    await Promise.all(
      [...createTables, segmentStatement(database)].map((statement) => executor.command(statement)),
    );
    await migrate(executor, database);
  } catch (error) {
    if (ownsExecutor) await executor.close().catch(() => undefined);
    throw error;
  }
  const [seen, latest] = await Promise.all([
    executor.query<{ workspace_id: string; category: string; key: string }>(
      `SELECT workspace_id, category, key FROM ${table(database, 'custom_key')}`,
    ),
    executor.query<{ v: string }>(
      `SELECT max(row_version) AS v FROM ${table(database, 'session')}`,
    ),
  ]);
  let version = BigInt(latest[0]?.v ?? 0);
  const context: WriteContext = {
    executor,
    database,
    seenKeys: new Set(seen.map((k) => keyOf(k.workspace_id, k.category, k.key))),
    tierOf: (workspaceId) => tier(options.retentionDays?.(workspaceId)),
    // Higher than any stored and than the last one given, whatever the clock does.
    nextVersion: () => {
      const now = BigInt(Date.now()) * 1000n;
      version = now > version ? now : version + 1n;
      return version;
    },
  };

  // One write at a time: a batch reads the versions it replaces, so two must not interleave.
  const writes = serialQueue();
  const exclusive = writes.run;

  return {
    write: (rows) =>
      exclusive(async () => {
        await writeBatch(context, rows);
        return { written: rows.length };
      }),
    list: (query) => list(executor, database, query),
    timeline: (workspaceId, sessionId) => readTimeline(executor, database, workspaceId, sessionId),
    count: (query) => count(executor, database, query),
    search: (query) => search(executor, database, query),
    facet: (query) => facet(executor, database, query),
    histogram: (query) => histogram(executor, database, query),
    analysis: (query) => analysis(executor, database, query),
    errorGroups: (query) => errorGroups(executor, database, query),
    usage: (workspaceId, from, to, bucketMs) =>
      usage(executor, database, workspaceId, from, to, bucketMs),
    customKeys: async (workspaceId, category) => {
      const rows = await executor.query<{ key: string }>(
        `SELECT DISTINCT key FROM ${table(database, 'custom_key')} WHERE workspace_id = {w:String} AND category = {c:String} ORDER BY key`,
        { w: workspaceId, c: category },
      );
      return rows.map((row) => row.key);
    },
    // Every segment of a recording marks its session: a session already marked gets no new
    // version. WHERE runs after FINAL's replacing; the column is named by its table, as the
    // bare name is the REPLACE's `true`.
    markReplay: (workspaceId, sessionId) =>
      exclusive(() =>
        executor.command(
          `INSERT INTO ${table(database, 'session')}
           SELECT * REPLACE (true AS session_has_replay, {v:UInt64} AS row_version, generateUUIDv4() AS event_id)
           FROM ${table(database, 'session')} AS stored FINAL
           WHERE workspace_id = {w:String} AND session_id = {s:String}
             AND NOT coalesce(stored.session_has_replay, false)`,
          { w: workspaceId, s: sessionId, v: context.nextVersion() },
        ),
      ),
    writeSegments: (rows) =>
      exclusive(() => writeSegments(executor, database, rows, context.nextVersion)),
    segments: (workspaceId, sessionId, from, to) =>
      readSegments(executor, database, workspaceId, sessionId, from, to),
    deleteOlderThan: (cuts) =>
      exclusive(async () => ({
        ...(await deleteOlderThan(executor, database, cuts)),
        segmentBlobs: await deleteSegmentsOlderThan(executor, database, cuts),
      })),
    deleteWorkspace: (workspaceId) =>
      exclusive(async () => {
        await deleteWhere(
          executor,
          database,
          [...CATEGORIES, 'custom_key', SEGMENT_TABLE],
          'workspace_id = {w:String}',
          {
            w: workspaceId,
          },
        );
        for (const id of context.seenKeys)
          if (id.startsWith(`${workspaceId}\u0000`)) context.seenKeys.delete(id);
      }),
    close: async () => {
      await writes.idle();
      if (ownsExecutor) await executor.close();
    },
  };
}

function openExecutor(options: ClickHouseOptions): Executor {
  if (options.url) return httpExecutor(options.url, options.settings);
  if (!options.path)
    throw new Error('the ClickHouse store needs a url (a server) or a path (chDB)');
  return chdbExecutor(options.path, options.settings);
}

/** A tier the partition key can hold; anything else is "not known". */
function tier(days: number | undefined): number {
  return days !== undefined && Number.isInteger(days) && days > 0 && days < 65536 ? days : 0;
}

/** Adds the columns this version promoted to tables an older version made. */
async function migrate(executor: Executor, database: string) {
  const rows = await executor.query<{ table: string; name: string }>(
    'SELECT table, name FROM system.columns WHERE database = {d:String}',
    { d: database },
  );
  const existing = new Map<string, Set<string>>();
  for (const { table: name, name: column } of rows) {
    existing.set(name, (existing.get(name) ?? new Set()).add(column));
  }
  for (const statement of promotedStatements(database, existing)) await executor.command(statement);
}

function whereClause(sql: Sql, query: CountQuery): string {
  const parts = [
    `workspace_id = ${sql.bind(query.workspaceId, 'String')}`,
    `time >= ${sql.time(query.from)}`,
    `time < ${sql.time(Math.ceil(query.to))}`,
  ];
  for (const [name, value] of Object.entries(query.where ?? {})) {
    const column = sql.column(name);
    const type =
      typeof value === 'boolean'
        ? 'Bool'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'Int64'
            : 'Float64'
          : 'String';
    parts.push(`${column} = ${sql.bind(type === 'Int64' ? BigInt(value as number) : value, type)}`);
  }
  return parts.join(' AND ');
}

async function list(
  executor: Executor,
  database: string,
  query: ListQuery,
): Promise<StoredRecord[]> {
  const sql = new Sql(database, query.category);
  const where = whereClause(sql, query);
  const limit = Math.max(1, Math.min(query.limit ?? 100, 10_000));
  const rows = await executor.query<Record<string, unknown>>(
    `SELECT ${sql.select(query.columns)} FROM ${sql.from()} WHERE ${where} ORDER BY time DESC, event_id DESC LIMIT ${limit}`,
    sql.params,
  );
  return rows.map(toRecord);
}

async function count(executor: Executor, database: string, query: CountQuery): Promise<number> {
  const sql = new Sql(database, query.category);
  const where = whereClause(sql, query);
  const [row] = await executor.query<{ n: string }>(
    `SELECT count() AS n FROM ${sql.from()} WHERE ${where}`,
    sql.params,
  );
  return Number(row?.n ?? 0);
}

async function usage(
  executor: Executor,
  database: string,
  workspaceId: string,
  from: number,
  to: number,
  bucketMs: number,
): Promise<UsageBucket[]> {
  const sql = new Sql(database, 'view');
  const bounds = `workspace_id = {w:String} AND time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')`;
  const bucket = 'intDiv(toUnixTimestamp64Milli(time), {size:Int64}) * {size:Int64}';
  const parts = (['view', 'resource', 'error', 'action', 'long_task'] as const).map(
    (category) =>
      `SELECT ${bucket} AS b, app_id, '${category}' AS c, count() AS n FROM ${sql.from(category)} WHERE ${bounds} GROUP BY b, app_id`,
  );
  parts.push(
    `SELECT ${bucket} AS b, app_id, 'replay' AS c, sum(session_time_spent_count) AS n FROM ${sql.from('session')} WHERE ${bounds} AND session_has_replay GROUP BY b, app_id`,
  );
  const rows = await executor.query<{ b: string; app_id: string | null; c: string; n: string }>(
    parts.join(' UNION ALL '),
    {
      w: workspaceId,
      from: BigInt(Math.floor(from)),
      to: BigInt(Math.ceil(to)),
      size: BigInt(bucketMs),
    },
  );
  return rows.map((row) => ({
    bucket: Number(row.b),
    appId: String(row.app_id),
    category: row.c as UsageBucket['category'],
    count: Number(row.n),
  }));
}

/**
 * Retention per workspace: the TTL drops whole parts once a tier has passed; this removes a
 * workspace's rows older than its cut exactly (a tier just shortened, rows of no known tier).
 */
async function deleteOlderThan(
  executor: Executor,
  database: string,
  cuts: readonly RetentionCut[],
) {
  let deleted = 0;
  for (const cut of cuts) {
    const where = `workspace_id = {w:String} AND time < fromUnixTimestamp64Milli({before:Int64}, 'UTC')`;
    deleted += await deleteWhere(executor, database, CATEGORIES, where, {
      w: cut.workspaceId,
      before: BigInt(Math.floor(cut.before)),
    });
  }
  return { deleted };
}

/**
 * Deletes the rows `where` picks from the tables that hold any, and says how many records went
 * (a view or session once, whatever versions it had). One statement counts them all: a
 * DELETE, even of nothing, is a mutation that costs more than the count.
 */
export async function deleteWhere(
  executor: Executor,
  database: string,
  tables: readonly string[],
  where: string,
  params: Record<string, unknown>,
): Promise<number> {
  const counts = await executor.query<{ t: string; n: string }>(
    tables
      .map((name) => {
        const from = `${table(database, name)}${isReplacing(name as never) ? ' FINAL' : ''}`;
        return `SELECT ${tables.indexOf(name)} AS t, count() AS n FROM ${from} WHERE ${where}`;
      })
      .join(' UNION ALL '),
    params,
  );
  let deleted = 0;
  for (const { t, n } of counts) {
    const name = tables[Number(t)];
    if (Number(n) === 0 || name === undefined) continue;
    deleted += Number(n);
    await executor.command(`DELETE FROM ${table(database, name)} WHERE ${where}`, params);
  }
  return deleted;
}
