import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  type DuckDBConnection,
  DuckDBInstance,
  DuckDBTimestampMillisecondsValue,
  type DuckDBType,
  type DuckDBValue,
  TIMESTAMP_MS,
  VARCHAR,
} from '@duckdb/node-api';
import type { TimelineCategory } from '@rumkit/core/api';
import { foldSessions, type SessionState, sessionKey } from '@rumkit/core/rules';
import { CATEGORIES, type Category } from '@rumkit/core/schema';
import type { Column } from '../columns.js';
import { hasColumn } from '../columns.js';
import { groupBy, serialQueue } from '../serial.js';
import type {
  CountQuery,
  EventRow,
  EventStore,
  ListQuery,
  RetentionCut,
  StoredRecord,
  StoredValue,
  UsageBucket,
} from '../types.js';
import { appendColumns, closeAppenders } from './append.js';
import {
  addColumnStatements,
  fieldExpression,
  fillStatement,
  msTime,
  promotedSince,
  quote,
  sameText,
  schemaStatements,
  tableColumns,
} from './ddl.js';
import { preparing, type Reader } from './prepared.js';
import { analysis, errorGroups, facet, histogram, search, selectList } from './query.js';
import { Recent } from './recent.js';
import {
  deleteSegmentsOlderThan,
  readSegments,
  SEGMENT_TABLE,
  segmentStatements,
  writeSegments,
} from './replay.js';
import {
  appendTimeline,
  backfillQuery,
  deleteOlderStatement,
  readTimeline,
  TIMELINE_CATEGORIES,
  TIMELINE_TABLE,
  timelineLayout,
  timelineRows,
  timelineStatements,
} from './timeline.js';
import { exactInteger, fromJson } from './values.js';

const TYPES: Record<Column['type'], DuckDBType> = {
  time: TIMESTAMP_MS,
  string: VARCHAR,
  json: VARCHAR,
  integer: BIGINT,
  float: DOUBLE,
  boolean: BOOLEAN,
};
const MAX_IN_LIST = 1000;

/**
 * DuckDB checkpoints when its WAL reaches this size. A checkpoint rewrites each ART index whose
 * table changed, whole: on the 10M-event store 0.45 s for the sessions' and 0.8 s for the
 * timelines' (an unindexed table: 0.06 to 0.09 s). At DuckDB's 16 MB that came every few
 * dozen commits.
 */
const CHECKPOINT_THRESHOLD = '128MB';

export interface DuckDbOptions {
  /** Database file; `:memory:` for a throwaway store. */
  path: string;
  /** DuckDB threads; default: DuckDB's own choice. */
  threads?: number;
  /** Told what a long one-time step at open is doing (filling timelines after an upgrade). */
  onNotice?: (message: string) => void;
  /** WAL size that makes DuckDB checkpoint (default CHECKPOINT_THRESHOLD). */
  checkpointThreshold?: string;
  /**
   * Told every custom key (workspace, category, key) the store knows: all of them at open, then
   * those a write added, once it committed. Lets a process keep the keys without asking.
   */
  onCustomKeys?: (keys: CustomKey[]) => void;
}

export type CustomKey = [workspaceId: string, category: string, key: string];

/**
 * The embedded engine. Its appends are synchronous native calls, so in the server it runs
 * inside the ingest worker thread, never on the thread that answers HTTP.
 */
export async function openDuckDbStore(options: DuckDbOptions): Promise<EventStore> {
  const instance = await DuckDBInstance.create(options.path, {
    ...(options.threads ? { threads: String(options.threads) } : {}),
    checkpoint_threshold: options.checkpointThreshold ?? CHECKPOINT_THRESHOLD,
  });
  const writer = await connect(instance);
  await noteTimelineBackfill(writer);
  for (const statement of schemaStatements()) await writer.run(statement);
  for (const statement of segmentStatements()) await writer.run(statement);
  const layout = await migrate(writer);
  await backfillTimeline(instance, writer, options.onNotice ?? (() => undefined));
  const readers = await readerPool(instance, READERS);
  const seenKeys = await loadCustomKeys(writer);
  options.onCustomKeys?.([...seenKeys].map((id) => id.split(KEY_SEPARATOR) as CustomKey));
  let memory = await openMemory(writer);
  // After deletes the writer did not follow row by row, it starts remembering afresh.
  const forget = async () => {
    memory = await openMemory(writer);
  };
  // One write at a time on the writer connection; callers batch (group commit) above this.
  const writes = serialQueue();
  const exclusive = writes.run;

  return {
    write: (rows) =>
      exclusive(() => writeBatch(writer, rows, seenKeys, memory, layout, options.onCustomKeys)),
    list: (query) => readers.use((reader) => list(reader, query)),
    timeline: (workspaceId, sessionId) =>
      readers.use((reader) => readTimeline(reader, workspaceId, sessionId)),
    search: (query) => readers.use((reader) => search(reader, query, toRecord)),
    facet: (query) => readers.use((reader) => facet(reader, query)),
    histogram: (query) => readers.use((reader) => histogram(reader, query)),
    analysis: (query) => readers.use((reader) => analysis(reader, query)),
    errorGroups: (query) => readers.use((reader) => errorGroups(reader, query)),
    usage: (workspaceId, from, to, bucketMs) =>
      readers.use((reader) => usage(reader, workspaceId, from, to, bucketMs)),
    customKeys: (workspaceId, category) =>
      readers.use(async (reader) => {
        const result = await reader.runAndReadAll(
          'SELECT key FROM custom_key WHERE workspace_id = $1 AND category = $2 ORDER BY key',
          [workspaceId, category],
        );
        return result.getRows().map(([key]) => String(key));
      }),
    count: (query) => readers.use((reader) => count(reader, query)),
    markReplay: (workspaceId, sessionId) =>
      exclusive(async () => {
        const known = memory.sessions.get(sessionKey(workspaceId, sessionId));
        // Every segment of a recording marks its session: once is enough.
        if (known?.values.session_has_replay === true) return;
        await writer.run(
          'UPDATE "session" SET session_has_replay = true WHERE workspace_id = $1 AND session_id = $2',
          [workspaceId, sessionId],
        );
        if (known) known.values.session_has_replay = true;
      }),
    writeSegments: (rows) =>
      exclusive(() => transaction(writer, () => writeSegments(writer, rows))),
    segments: (workspaceId, sessionId, from, to) =>
      readers.use((reader) => readSegments(reader, workspaceId, sessionId, from, to)),
    deleteOlderThan: (cuts) =>
      exclusive(async () => {
        const result = await deleteOlderThan(writer, cuts);
        await forget();
        return result;
      }),
    deleteWorkspace: (workspaceId) =>
      exclusive(async () => {
        await transaction(writer, async () => {
          for (const table of [...tablesOf(), TIMELINE_TABLE, SEGMENT_TABLE]) {
            await writer.run(`DELETE FROM ${quote(table)} WHERE workspace_id = $1`, [workspaceId]);
          }
        });
        await forget();
      }),
    close: async () => {
      await writes.idle();
      closeAppenders(writer);
      writer.closeSync();
      readers.close();
      instance.closeSync();
    },
  };
}

async function connect(instance: DuckDBInstance): Promise<DuckDBConnection> {
  const connection = await instance.connect();
  for (const setting of CONNECTION_SETTINGS) await connection.run(setting);
  return connection;
}

/**
 * How every connection to the store is set. DuckDB's late materialization turns
 * `ORDER BY time LIMIT n` (n <= 50) into a top-n on a narrow scan joined back to a second scan
 * of the whole table: a session's lookup read all 621,784 session rows of the 10M-event store
 * to fetch one (10.5 ms, 7 ms without).
 */
export const CONNECTION_SETTINGS = ['SET late_materialization_max_rows = 0'];

/**
 * Connections that answer questions. A connection runs one statement at a time, so with one,
 * a session timeline's five lookups and every other user's question wait in line; several
 * share DuckDB's threads. Measured on a 10M-event store: five timeline lookups in 22–28 ms on
 * one connection, 12–24 ms on three.
 */
const READERS = 4;

interface ReaderPool {
  use<T>(work: (reader: Reader) => Promise<T>): Promise<T>;
  close(): void;
}

async function readerPool(instance: DuckDBInstance, size: number): Promise<ReaderPool> {
  const pool = await Promise.all(
    Array.from({ length: size }, async () => {
      const connection = await connect(instance);
      return { connection, reader: preparing(connection), busy: 0 };
    }),
  );
  return {
    async use(work) {
      // The least busy connection; ties go to the first, so a quiet server uses one.
      const slot = pool.reduce((best, next) => (next.busy < best.busy ? next : best));
      slot.busy++;
      try {
        return await work(slot.reader);
      } finally {
        slot.busy--;
      }
    },
    close() {
      for (const { connection } of pool) connection.closeSync();
    },
  };
}

function tablesOf(): Category[] {
  return ['session', 'view', 'resource', 'error', 'long_task', 'action', 'telemetry'];
}

const PENDING_FILL =
  'CREATE TABLE IF NOT EXISTS pending_fill (category VARCHAR, name VARCHAR, PRIMARY KEY (category, name))';
const STORE_META =
  'CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)';
const TIMELINE_LAYOUT_KEY = 'timeline_fields';

/**
 * Makes the timeline table if the store has none (new, or written by an older version) or has
 * one written with other TIMELINE_FIELDS (its entries are positional), and in the same
 * transaction notes its fill from each category's stored events, which backfillTimeline then
 * runs: a stop at any point resumes at the next start.
 */
async function noteTimelineBackfill(connection: DuckDBConnection): Promise<void> {
  await connection.run(STORE_META);
  const found = await connection.runAndReadAll(
    `SELECT (SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = $1),
       (SELECT value FROM store_meta WHERE key = $2)`,
    [TIMELINE_TABLE, TIMELINE_LAYOUT_KEY],
  );
  const [tables, layout] = found.getRows()[0] ?? [];
  if (Number(tables) > 0 && layout === timelineLayout()) return;
  await transaction(connection, async () => {
    await connection.run(PENDING_FILL);
    await connection.run(`DROP TABLE IF EXISTS ${TIMELINE_TABLE}`);
    for (const statement of timelineStatements()) await connection.run(statement);
    for (const category of TIMELINE_CATEGORIES) {
      await connection.run('INSERT OR IGNORE INTO pending_fill VALUES ($1, $2)', [
        TIMELINE_TABLE,
        category,
      ]);
    }
    await connection.run('INSERT OR REPLACE INTO store_meta VALUES ($1, $2)', [
      TIMELINE_LAYOUT_KEY,
      timelineLayout(),
    ]);
  });
}

/**
 * Fills the timeline table from the stored events of each category noted by
 * noteTimelineBackfill, one transaction per category; the rows are read on a second connection
 * as they are appended on the writer. 10M events: 2.1M rows in about a minute.
 */
async function backfillTimeline(
  instance: DuckDBInstance,
  writer: DuckDBConnection,
  notice: (message: string) => void,
) {
  const pending = await writer.runAndReadAll('SELECT name FROM pending_fill WHERE category = $1', [
    TIMELINE_TABLE,
  ]);
  const categories = pending.getRows().map(([name]) => String(name) as TimelineCategory);
  if (categories.length === 0) return;
  const counted = await writer.runAndReadAll(
    categories.map((category) => `SELECT count(*) FROM ${quote(category)}`).join(' UNION ALL '),
  );
  const events = counted.getRows().reduce((sum, [n]) => sum + Number(n), 0);
  const started = performance.now();
  if (events > 0) {
    notice(
      `filling the session timelines from ${events.toLocaleString('en')} stored events, once after this upgrade (about a minute per 4 million)`,
    );
  }
  const source = await instance.connect();
  try {
    for (const category of categories) {
      await transaction(writer, async () => {
        const result = await source.stream(backfillQuery(category));
        for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; ) {
          await appendTimeline(
            writer,
            chunk.getRows().map(([workspaceId, sessionId, time, entries]) => ({
              workspace_id: String(workspaceId),
              session_id: String(sessionId),
              time: Number(time),
              entries: String(entries),
            })),
          );
          chunk = await result.fetchChunk();
        }
        await writer.run('DELETE FROM pending_fill WHERE category = $1 AND name = $2', [
          TIMELINE_TABLE,
          category,
        ]);
      });
    }
  } finally {
    source.closeSync();
  }
  if (events > 0) {
    notice(`session timelines filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

/**
 * Adds the columns this version promoted to tables an older version made, and fills them from
 * `attrs`. A column to fill is noted before it is added and forgotten in the transaction that
 * fills it, so a stop at any point resumes at the next start.
 */
async function migrate(connection: DuckDBConnection): Promise<Layout> {
  await connection.run(PENDING_FILL);
  const reader = await connection.runAndReadAll(
    "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main'",
  );
  const existing = new Map<string, Set<string>>();
  for (const [table, column] of reader.getRows()) {
    const columns = existing.get(String(table)) ?? new Set<string>();
    columns.add(String(column));
    existing.set(String(table), columns);
  }
  for (const promoted of promotedSince(existing)) {
    await connection.run('INSERT OR IGNORE INTO pending_fill VALUES ($1, $2)', [
      promoted.category,
      promoted.column.name,
    ]);
    for (const statement of addColumnStatements(promoted)) await connection.run(statement);
  }
  const pending = await connection.runAndReadAll(
    'SELECT category, name FROM pending_fill WHERE category <> $1',
    [TIMELINE_TABLE],
  );
  for (const [rawCategory, rawName] of pending.getRows()) {
    const category = String(rawCategory) as Category;
    const name = String(rawName);
    const column = tableColumns(category).find((c) => c.name === name);
    await transaction(connection, async () => {
      if (column) await connection.run(fillStatement(category, column));
      await connection.run('DELETE FROM pending_fill WHERE category = $1 AND name = $2', [
        category,
        name,
      ]);
    });
  }
  for (const statement of schemaStatements()) await connection.run(statement);
  return readLayout(connection);
}

/**
 * Each table's columns in their stored order, which the appender follows. A column added by a
 * migration comes last in the table, wherever this version lists it.
 */
type Layout = ReadonlyMap<Category, readonly Column[]>;

async function readLayout(connection: DuckDBConnection): Promise<Layout> {
  const reader = await connection.runAndReadAll(
    "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' ORDER BY table_name, column_index",
  );
  const names = new Map<string, string[]>();
  for (const [table, column] of reader.getRows()) {
    names.set(String(table), [...(names.get(String(table)) ?? []), String(column)]);
  }
  const layout = new Map<Category, readonly Column[]>();
  for (const category of CATEGORIES) {
    const known = new Map(tableColumns(category).map((c) => [c.name, c]));
    layout.set(
      category,
      (names.get(category) ?? []).map((name) => {
        const column = known.get(name);
        if (!column) {
          throw new Error(
            `table ${category} has a column ${JSON.stringify(name)} this version does not know: the data directory was written by a newer rumkit`,
          );
        }
        return column;
      }),
    );
  }
  return layout;
}

async function transaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    // A failed statement may have ended the transaction already; the first error is the one.
    await connection.run('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** The writer's memory of recent views (their version) and sessions (their state). */
export interface WriterMemory {
  views: Recent<{ timeSpent: number }>;
  sessions: Recent<SessionState>;
}

const MEMORY_SIZE = 200_000;

async function openMemory(connection: DuckDBConnection): Promise<WriterMemory> {
  const [views, sessions] = await Promise.all([
    latestStart(connection, 'view'),
    latestStart(connection, 'session'),
  ]);
  return { views: new Recent(views, MEMORY_SIZE), sessions: new Recent(sessions, MEMORY_SIZE) };
}

/** Everything stored starts before this: records starting later were written since. */
async function latestStart(
  connection: DuckDBConnection,
  table: 'view' | 'session',
): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT epoch_ms(max(time)) FROM "${table}"`);
  const latest = reader.getRows()[0]?.[0];
  return latest === null || latest === undefined ? Number.NEGATIVE_INFINITY : Number(latest) + 1;
}

async function writeBatch(
  connection: DuckDBConnection,
  rows: readonly EventRow[],
  seenKeys: Set<string>,
  memory: WriterMemory,
  layout: Layout,
  onCustomKeys?: (keys: CustomKey[]) => void,
): Promise<{ written: number }> {
  if (rows.length === 0) return { written: 0 };
  const byCategory = groupBy(rows, (row) => row.category);
  const remember: (() => void)[] = [];
  await transaction(connection, async () => {
    // Views: the latest version wins; look up only the views the writer does not remember.
    const views = latestPerView(byCategory.get('view') ?? []);
    const unknown = views.filter(
      (v) =>
        memory.views.get(viewKey(v)) === undefined &&
        !memory.views.surelyAbsent(viewKey(v), v.time),
    );
    const stored = await storedViewVersions(connection, unknown);
    const newViews = new Set<EventRow>();
    const keep: EventRow[] = [];
    const replacedRowids: bigint[] = [];
    const replacedKnown: EventRow[] = [];
    for (const view of views) {
      const known = memory.views.get(viewKey(view));
      const found = stored.get(viewKey(view));
      const previous = known ?? found;
      if (previous === undefined) newViews.add(view);
      if (previous === undefined || timeSpent(view) >= previous.timeSpent) {
        keep.push(view);
        if (found) replacedRowids.push(found.rowid);
        else if (known) replacedKnown.push(view);
        remember.push(() =>
          memory.views.set(viewKey(view), { timeSpent: timeSpent(view) }, view.time),
        );
      }
    }
    await deleteRowids(connection, 'view', replacedRowids);
    await deleteByKey(
      connection,
      'view',
      'view_id',
      replacedKnown.map((v) => ({
        workspaceId: v.workspaceId,
        id: String(v.values.view_id),
        time: v.time,
      })),
    );
    await appendRows(connection, 'view', keep.map(rowValues), layout);
    for (const [category, list] of byCategory) {
      if (category !== 'view') await appendRows(connection, category, list.map(rowValues), layout);
    }

    // Sessions: fold the batch into the remembered or stored state of each session it touches.
    const sessionRows = [...views, ...rows.filter((row) => row.category !== 'view')];
    const earliest = new Map<string, number>();
    for (const row of sessionRows) {
      const id = row.values.session_id;
      if (typeof id !== 'string' || id === '') continue;
      const key = sessionKey(row.workspaceId, id);
      earliest.set(key, Math.min(earliest.get(key) ?? row.time, row.time));
    }
    const states = new Map<string, SessionState>();
    const lookup = new Set<string>();
    for (const [key, time] of earliest) {
      const known = memory.sessions.get(key);
      if (known) states.set(key, known);
      else if (!memory.sessions.surelyAbsent(key, time - SESSION_LOOKBACK_MS)) lookup.add(key);
    }
    const existing = await storedSessions(
      connection,
      sessionRows.filter((row) =>
        lookup.has(sessionKey(row.workspaceId, String(row.values.session_id))),
      ),
    );
    for (const [key, state] of existing.states) states.set(key, state);
    const known = [...states.entries()]
      .filter(([key]) => !existing.rowids.has(key))
      .map(([, state]) => state);
    const sessions = foldSessions(sessionRows, states, (row) => newViews.has(row));
    await deleteRowids(connection, 'session', [...existing.rowids.values()]);
    await deleteByKey(
      connection,
      'session',
      'session_id',
      known.map((s) => ({ workspaceId: s.workspaceId, id: s.sessionId, time: s.start })),
    );
    await appendRows(connection, 'session', [...sessions.values()].map(sessionValues), layout);
    await appendTimeline(
      connection,
      timelineRows([...keep, ...rows.filter((row) => row.category !== 'view')]),
    );
    for (const [key, state] of sessions)
      remember.push(() => memory.sessions.set(key, state, state.start));
    const fresh = await recordCustomKeys(connection, rows, seenKeys);
    remember.push(() => {
      for (const key of fresh) seenKeys.add(key.join(KEY_SEPARATOR));
      if (fresh.length > 0) onCustomKeys?.(fresh);
    });
  });
  // Only what was committed is remembered.
  for (const apply of remember) apply();
  return { written: rows.length };
}

/** Deletes records by id whose start time is known (zone maps prune to those times). */
async function deleteByKey(
  connection: DuckDBConnection,
  category: 'view' | 'session',
  key: string,
  records: readonly { workspaceId: string; id: string; time: number }[],
) {
  for (const [workspaceId, group] of groupBy(records, (r) => r.workspaceId)) {
    for (const slice of slices(group, MAX_IN_LIST)) {
      const times = slice.map((r) => r.time);
      await connection.run(
        `DELETE FROM ${quote(category)} WHERE workspace_id = $1 AND time BETWEEN ${msTime('$2')} AND ${msTime('$3')} AND ${quote(key)} IN (${placeholders(slice.length, 4)})`,
        [
          workspaceId,
          BigInt(Math.floor(Math.min(...times))),
          BigInt(Math.ceil(Math.max(...times))),
          ...slice.map((r) => r.id),
        ],
      );
    }
  }
}

const viewKey = (row: EventRow) => `${row.workspaceId}\u0000${String(row.values.view_id)}`;
const timeSpent = (row: EventRow) => Number(row.values.time_spent ?? 0);

/** Within one batch, the same view may come several times: keep its latest version. */
function latestPerView(views: readonly EventRow[]): EventRow[] {
  const latest = new Map<string, EventRow>();
  for (const view of views) {
    const key = viewKey(view);
    const seen = latest.get(key);
    if (!seen || timeSpent(view) >= timeSpent(seen)) latest.set(key, view);
  }
  return [...latest.values()];
}

/** The stored version of each view in the batch (its time_spent and rowid), by viewKey. */
async function storedViewVersions(
  connection: DuckDBConnection,
  views: readonly EventRow[],
): Promise<Map<string, { timeSpent: number; rowid: bigint }>> {
  const found = new Map<string, { timeSpent: number; rowid: bigint }>();
  for (const [workspaceId, group] of groupBy(views, (v) => v.workspaceId)) {
    for (const slice of slices(group, MAX_IN_LIST)) {
      // A view keeps its start time across re-sends, so the time bounds prune row groups.
      const times = slice.map((v) => v.time);
      const ids = slice.map((v) => String(v.values.view_id));
      const reader = await connection.runAndReadAll(
        `SELECT view_id, time_spent, rowid FROM "view" WHERE workspace_id = $1 AND time BETWEEN ${msTime('$2')} AND ${msTime('$3')} AND view_id IN (${placeholders(ids.length, 4)})`,
        [
          workspaceId,
          BigInt(Math.floor(Math.min(...times))),
          BigInt(Math.ceil(Math.max(...times))),
          ...ids,
        ],
      );
      for (const [id, spent, rowid] of reader.getRows()) {
        found.set(`${workspaceId}\u0000${String(id)}`, {
          timeSpent: Number(spent ?? 0),
          rowid: rowid as bigint,
        });
      }
    }
  }
  return found;
}

const KEY_SEPARATOR = '\u0000';
const keyOf = (workspaceId: string, category: string, key: string) =>
  [workspaceId, category, key].join(KEY_SEPARATOR);

async function loadCustomKeys(connection: DuckDBConnection): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(
    'SELECT workspace_id, category, key FROM custom_key',
  );
  return new Set(reader.getRows().map(([w, c, k]) => keyOf(String(w), String(c), String(k))));
}

/** Remembers each custom context key once, so the explorer can search it like a field. */
async function recordCustomKeys(
  connection: DuckDBConnection,
  rows: readonly EventRow[],
  seen: Set<string>,
) {
  const fresh: CustomKey[] = [];
  const batch = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row.custom)) {
      const id = keyOf(row.workspaceId, row.category, key);
      if (seen.has(id) || batch.has(id)) continue;
      batch.add(id);
      fresh.push([row.workspaceId, row.category, key]);
    }
  }
  for (const slice of slices(fresh, 300)) {
    await connection.run(
      `INSERT INTO custom_key VALUES ${slice.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`).join(', ')} ON CONFLICT DO NOTHING`,
      slice.flat(),
    );
  }
  return fresh;
}

/** Deletes rows found earlier in the same transaction, by rowid (no scan for the keys). */
async function deleteRowids(
  connection: DuckDBConnection,
  category: Category,
  rowids: readonly bigint[],
) {
  for (const slice of slices(rowids, MAX_IN_LIST)) {
    await connection.run(`DELETE FROM ${quote(category)} WHERE rowid IN (${slice.join(', ')})`);
  }
}

/**
 * How far before a batch's earliest event a session it touches may have started. Sessions
 * last at most 4 h (spec §1.3); the margin keeps clock skew and late retries safe while the
 * time bound lets zone maps prune the lookup.
 */
const SESSION_LOOKBACK_MS = 24 * 3600 * 1000;

async function storedSessions(
  connection: DuckDBConnection,
  rows: readonly EventRow[],
): Promise<{ states: Map<string, SessionState>; rowids: Map<string, bigint> }> {
  const states = new Map<string, SessionState>();
  const rowids = new Map<string, bigint>();
  const withSession = rows.filter(
    (row) => typeof row.values.session_id === 'string' && row.values.session_id !== '',
  );
  for (const [workspaceId, group] of groupBy(withSession, (row) => row.workspaceId)) {
    const ids = [...new Set(group.map((row) => String(row.values.session_id)))];
    const since = Math.min(...group.map((row) => row.time)) - SESSION_LOOKBACK_MS;
    for (const slice of slices(ids, MAX_IN_LIST)) {
      const reader = await connection.runAndReadAll(
        `SELECT * REPLACE (epoch_ms(time) AS time, epoch_ms(end_time) AS end_time, epoch_ms(first_view_time) AS first_view_time, epoch_ms(last_view_time) AS last_view_time), rowid AS _rowid FROM "session" WHERE workspace_id = $1 AND time >= ${msTime('$2')} AND session_id IN (${placeholders(slice.length, 3)})`,
        [workspaceId, BigInt(Math.floor(since)), ...slice],
      );
      for (const record of reader.getRowObjectsJS()) {
        const { _rowid, ...stored } = record;
        const state: SessionState = {
          workspaceId,
          sessionId: String(stored.session_id),
          start: Number(stored.time),
          end: Number(stored.end_time),
          firstViewTime: stored.first_view_time === null ? null : Number(stored.first_view_time),
          lastViewTime: stored.last_view_time === null ? null : Number(stored.last_view_time),
          values: readValues(stored),
        };
        const key = sessionKey(workspaceId, state.sessionId);
        states.set(key, state);
        rowids.set(key, _rowid as bigint);
      }
    }
  }
  return { states, rowids };
}

type RowValues = Record<string, StoredValue | null>;

/** Values with a column go there; the other catalogue values go into `attrs` as JSON. */
function split(category: Category, values: Record<string, StoredValue>): RowValues {
  const out: RowValues = {};
  const attrs: Record<string, StoredValue> = {};
  let hasAttrs = false;
  for (const [name, value] of Object.entries(values)) {
    if (hasColumn(category, name)) out[name] = value;
    else {
      attrs[name] = value;
      hasAttrs = true;
    }
  }
  out.attrs = hasAttrs ? JSON.stringify(attrs, bigintJson) : null;
  return out;
}

function rowValues(row: EventRow): RowValues {
  return {
    ...split(row.category, row.values),
    time: row.time,
    workspace_id: row.workspaceId,
    custom: Object.keys(row.custom).length > 0 ? JSON.stringify(row.custom, bigintJson) : null,
  };
}

function sessionValues(state: SessionState): RowValues {
  return {
    ...split('session', state.values),
    time: state.start,
    workspace_id: state.workspaceId,
    end_time: state.end,
    first_view_time: state.firstViewTime,
    last_view_time: state.lastViewTime,
  };
}

/** A stored row back as flat values: columns and `attrs` merged, bookkeeping left out. */
function readValues(record: Record<string, unknown>): Record<string, StoredValue> {
  const values: Record<string, StoredValue> = {};
  for (const [name, value] of Object.entries(record)) {
    if (value === null || value === undefined || BOOKKEEPING.has(name)) continue;
    if (name === 'attrs') Object.assign(values, readAttrs(String(value)));
    else values[name] = fromDb(value);
  }
  return values;
}

/** A row as read from a table, back as a flat record. */
function toRecord(record: Record<string, unknown>): StoredRecord {
  const { _rowid: _, ...row } = record;
  return {
    ...readValues(row),
    time: Number(row.time),
    workspace_id: String(row.workspace_id),
    custom:
      row.custom == null ? {} : (JSON.parse(String(row.custom)) as Record<string, StoredValue>),
  };
}

/** JSON has no 64-bit integers: those beyond 2^53 were written as strings. */
function readAttrs(json: string): Record<string, StoredValue> {
  const attrs = JSON.parse(json) as Record<string, StoredValue>;
  for (const [name, value] of Object.entries(attrs)) attrs[name] = fromJson(name, value);
  return attrs;
}

const BOOKKEEPING = new Set([
  'time',
  'workspace_id',
  'custom',
  'end_time',
  'first_view_time',
  'last_view_time',
]);

/** Appends a category's rows in its table's stored column order. */
async function appendRows(
  connection: DuckDBConnection,
  category: Category,
  rows: readonly RowValues[],
  layout: Layout,
) {
  const columns = layout.get(category) as readonly Column[];
  await appendColumns(
    connection,
    category,
    columns.map((c) => TYPES[c.type]),
    columns.map((column) => rows.map((row) => toDb(column, row[column.name]))),
  );
}

function toDb(column: Column, value: StoredValue | null | undefined): DuckDBValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'time':
      return new DuckDBTimestampMillisecondsValue(BigInt(Math.round(Number(value))));
    case 'integer':
      return typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
    case 'float':
      return Number(value);
    case 'boolean':
      return Boolean(value);
    default:
      return String(value);
  }
}

function fromDb(value: unknown): StoredValue {
  if (typeof value === 'bigint') return exactInteger(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return String(value);
}

function bigintJson(_key: string, value: unknown) {
  return typeof value === 'bigint' ? value.toString() : value;
}

function whereClause(
  query: {
    workspaceId: string;
    from: number;
    to: number;
    where?: Record<string, string | number | boolean>;
  },
  category: Category,
): { sql: string; params: DuckDBValue[] } {
  const params: DuckDBValue[] = [
    query.workspaceId,
    BigInt(Math.floor(query.from)),
    BigInt(Math.ceil(query.to)),
  ];
  let sql = `workspace_id = $1 AND time >= ${msTime('$2')} AND time < ${msTime('$3')}`;
  for (const [name, value] of Object.entries(query.where ?? {})) {
    const expression = fieldExpression(category, name);
    const integer = typeof value === 'number' && Number.isInteger(value);
    params.push(integer ? BigInt(value) : value);
    const param = `$${params.length}`;
    // Typed: a bigint binds as HUGEINT, which would widen the column instead.
    if (integer) sql += ` AND ${expression} = ${param}::BIGINT`;
    else if (typeof value === 'string') sql += ` AND ${sameText(expression, param)}`;
    else sql += ` AND ${expression} = ${param}`;
  }
  return { sql, params };
}

async function list(connection: Reader, query: ListQuery): Promise<StoredRecord[]> {
  const { sql, params } = listStatement(query);
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJS().map(toRecord);
}

export function listStatement(query: ListQuery): { sql: string; params: DuckDBValue[] } {
  const { sql, params } = whereClause(query, query.category);
  const limit = Math.max(1, Math.min(query.limit ?? 100, 10_000));
  // A session by id reads its rows through SESSION_INDEX first: DuckDB uses the index only
  // when the id is the scan's one filter, and filters pushed into a materialized CTE's scan
  // would be more. 621,784 sessions: 9 ms → 2.5 ms (narrow), 6.8 ms (every column).
  const byId =
    query.category === 'session' &&
    Object.keys(query.where ?? {}).length === 1 &&
    typeof query.where?.session_id === 'string';
  const source = byId
    ? `(WITH hit AS MATERIALIZED (SELECT * FROM "session" WHERE session_id = $${params.length}) SELECT * FROM hit)`
    : quote(query.category);
  return {
    sql: `SELECT ${selectList(query.category, query.columns)} FROM ${source} WHERE ${sql} ORDER BY time DESC LIMIT ${limit}`,
    params,
  };
}

async function usage(
  connection: Reader,
  workspaceId: string,
  from: number,
  to: number,
  bucketMs: number,
): Promise<UsageBucket[]> {
  const bounds = `workspace_id = $1 AND time >= ${msTime('$2')} AND time < ${msTime('$3')}`;
  const bucket = '(epoch_ms(time) // $4::BIGINT) * $4::BIGINT';
  const parts = (['view', 'resource', 'error', 'action', 'long_task'] as const).map(
    (category) =>
      `SELECT ${bucket} AS b, app_id, '${category}' AS c, count(*) AS n FROM "${category}" WHERE ${bounds} GROUP BY ALL`,
  );
  parts.push(
    `SELECT ${bucket} AS b, app_id, 'replay' AS c, sum(session_time_spent_count) AS n FROM "session" WHERE ${bounds} AND session_has_replay GROUP BY ALL`,
  );
  const reader = await connection.runAndReadAll(parts.join(' UNION ALL '), [
    workspaceId,
    BigInt(Math.floor(from)),
    BigInt(Math.ceil(to)),
    BigInt(bucketMs),
  ]);
  return reader.getRows().map(([b, appId, c, n]) => ({
    bucket: Number(b),
    appId: String(appId),
    category: String(c) as UsageBucket['category'],
    count: Number(n),
  }));
}

async function count(connection: Reader, query: CountQuery): Promise<number> {
  const { sql, params } = whereClause(query, query.category);
  const reader = await connection.runAndReadAll(
    `SELECT count(*) FROM ${quote(query.category)} WHERE ${sql}`,
    params,
  );
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

async function deleteOlderThan(connection: DuckDBConnection, cuts: readonly RetentionCut[]) {
  let deleted = 0;
  let segmentBlobs: string[] = [];
  await transaction(connection, async () => {
    segmentBlobs = await deleteSegmentsOlderThan(connection, cuts);
    for (const cut of cuts) {
      for (const category of tablesOf()) {
        const result = await connection.run(
          `DELETE FROM ${quote(category)} WHERE workspace_id = $1 AND time < ${msTime('$2')}`,
          [cut.workspaceId, BigInt(Math.floor(cut.before))],
        );
        deleted += Number(result.rowsChanged);
      }
      await connection.run(deleteOlderStatement, [cut.workspaceId, BigInt(Math.floor(cut.before))]);
    }
  });
  return { deleted, segmentBlobs };
}

function placeholders(n: number, first: number): string {
  return Array.from({ length: n }, (_, i) => `$${first + i}`).join(', ');
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
