import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  BLOB,
  DuckDBBlobValue,
  type DuckDBConnection,
  DuckDBTimestampMillisecondsValue,
  TIMESTAMP_MS,
  VARCHAR,
} from '@duckdb/node-api';
import { TIMELINE_FIELDS, type TimelineCategory } from '@rumkit/core/api';
import { sessionKey } from '@rumkit/core/rules';
import { getField } from '@rumkit/core/schema';
import type { EventRow, StoredRecord, StoredValue } from '../types.js';
import { appendColumns } from './append.js';
import { fieldExpression, msTime, quote } from './ddl.js';
import type { Reader } from './prepared.js';
import { exactInteger, fromJson } from './values.js';

/**
 * Each session's timeline, kept beside the events as the writer stores them: per batch and
 * session, one row whose `entries` (a JSON array) hold the timeline fields of the batch's
 * views, actions, errors, resources and long tasks of that session. A timeline is then one
 * lookup by session_id through the table's index, instead of a scan of five tables over the
 * session's span (25 ms of CPU a session on the 10M-event store, most of it fixed costs of
 * DuckDB's scans). Rows are only ever added; a re-sent view's later entry replaces the earlier
 * one when read, as its row replaced the earlier one in the view table.
 */
export const TIMELINE_TABLE = 'session_timeline';

export const TIMELINE_CATEGORIES = Object.keys(TIMELINE_FIELDS) as TimelineCategory[];

/** What the entries' positions mean; a store whose table was written with another is refilled. */
export const timelineLayout = (): string => JSON.stringify(TIMELINE_FIELDS);

export const timelineStatements = (): string[] => [
  `CREATE TABLE IF NOT EXISTS ${TIMELINE_TABLE} (workspace_id VARCHAR NOT NULL, session_id VARCHAR NOT NULL, time TIMESTAMP_MS NOT NULL, entries BLOB NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS ${TIMELINE_TABLE}_by_id ON ${TIMELINE_TABLE} (session_id)`,
];

/**
 * An entry, as stored: `[category, time, ...values]`, the category by its place in
 * TIMELINE_CATEGORIES and the values in the order of its TIMELINE_FIELDS, null where the event
 * has none; integers past 2^53 as text. No names: they would be most of its bytes.
 */
type Entry = (string | number | boolean | null)[];

const jsonValue = (value: StoredValue | undefined): string | number | boolean | null => {
  if (typeof value !== 'bigint') return value ?? null;
  const exact = exactInteger(value);
  return typeof exact === 'bigint' ? exact.toString() : exact;
};

/** A row of the table: its entries are a JSON array, deflated (a third of the bytes). */
export interface TimelineRow {
  workspace_id: string;
  session_id: string;
  time: number;
  entries: string;
}

export async function appendTimeline(
  connection: DuckDBConnection,
  rows: readonly TimelineRow[],
): Promise<void> {
  await appendColumns(
    connection,
    TIMELINE_TABLE,
    [VARCHAR, VARCHAR, TIMESTAMP_MS, BLOB],
    [
      rows.map((row) => row.workspace_id),
      rows.map((row) => row.session_id),
      rows.map((row) => new DuckDBTimestampMillisecondsValue(BigInt(Math.round(row.time)))),
      rows.map((row) => new DuckDBBlobValue(deflateRawSync(row.entries))),
    ],
  );
}

/**
 * The rows a batch adds: `stored` are the rows the batch wrote to the event tables (a view
 * only in the version that was kept). Rows without a session are in no timeline.
 */
export function timelineRows(stored: readonly EventRow[]): TimelineRow[] {
  const bySession = new Map<
    string,
    { workspaceId: string; sessionId: string; time: number; entries: Entry[] }
  >();
  for (const row of stored) {
    const category = TIMELINE_CATEGORIES.indexOf(row.category as TimelineCategory);
    const sessionId = row.values.session_id;
    if (category < 0 || typeof sessionId !== 'string' || sessionId === '') continue;
    const fields = TIMELINE_FIELDS[row.category as TimelineCategory];
    const entry: Entry = [category, row.time, ...fields.map((name) => jsonValue(row.values[name]))];
    const key = sessionKey(row.workspaceId, sessionId);
    const group = bySession.get(key);
    if (group) {
      group.entries.push(entry);
      group.time = Math.min(group.time, row.time);
    } else {
      bySession.set(key, {
        workspaceId: row.workspaceId,
        sessionId,
        time: row.time,
        entries: [entry],
      });
    }
  }
  return [...bySession.values()].map(({ workspaceId, sessionId, time, entries }) => ({
    workspace_id: workspaceId,
    session_id: sessionId,
    time,
    entries: JSON.stringify(entries),
  }));
}

/**
 * The query whose rows fill the table from a category's stored events, for data written before
 * it existed: one row per session, its entries as the writer writes them.
 */
export function backfillQuery(category: TimelineCategory): string {
  const values = TIMELINE_FIELDS[category].map((name) => {
    const value = fieldExpression(category, name);
    return getField(name)?.type === 'integer'
      ? `CASE WHEN abs(${value}) > 9007199254740991 THEN to_json(${value}::VARCHAR) ELSE to_json(${value}) END`
      : `to_json(${value})`;
  });
  const index = TIMELINE_CATEGORIES.indexOf(category);
  return `SELECT workspace_id, session_id, epoch_ms(min(time)),
      to_json(list(json_array(${index}, epoch_ms(time), ${values.join(', ')}) ORDER BY time))::VARCHAR
    FROM ${quote(category)} WHERE session_id IS NOT NULL AND session_id <> '' GROUP BY workspace_id, session_id`;
}

/**
 * A session's timeline rows, oldest first. DuckDB uses the index only when the id is the scan's
 * one filter, hence the materialized CTE.
 */
const readStatement = `WITH hit AS MATERIALIZED (SELECT rowid AS r, workspace_id, entries FROM ${TIMELINE_TABLE} WHERE session_id = $2)
  SELECT entries FROM hit WHERE workspace_id = $1 ORDER BY r`;

export const deleteOlderStatement = `DELETE FROM ${TIMELINE_TABLE} WHERE workspace_id = $1 AND time < ${msTime('$2')}`;

/** A session's timeline: its rows read through the index, inflated and decoded. */
export async function readTimeline(
  reader: Reader,
  workspaceId: string,
  sessionId: string,
): Promise<StoredRecord[]> {
  const result = await reader.runAndReadAll(readStatement, [workspaceId, sessionId]);
  const rows = result
    .getRows()
    .map(([entries]) => inflateRawSync((entries as DuckDBBlobValue).bytes).toString());
  return timelineEvents(rows, workspaceId, sessionId);
}

/**
 * The events of a session's timeline rows as stored records (with `category`), oldest first:
 * a view's last entry stands for it, and fields left null are left out, as a read of the event
 * tables gives them.
 */
function timelineEvents(
  rows: readonly string[],
  workspaceId: string,
  sessionId: string,
): StoredRecord[] {
  const views = new Map<unknown, number>();
  const events: StoredRecord[] = [];
  for (const json of rows) {
    for (const [index, time, ...values] of JSON.parse(json) as Entry[]) {
      const category = TIMELINE_CATEGORIES[index as number] as TimelineCategory;
      const record: StoredRecord = {
        category,
        time: time as number,
        workspace_id: workspaceId,
        custom: {},
        session_id: sessionId,
      };
      TIMELINE_FIELDS[category].forEach((name, i) => {
        const value = values[i];
        if (value === null || value === undefined) return;
        record[name] = fromJson(name, value);
      });
      const earlier = category === 'view' ? views.get(record.view_id) : undefined;
      if (earlier !== undefined) events[earlier] = record;
      else {
        if (category === 'view' && typeof record.view_id === 'string')
          views.set(record.view_id, events.length);
        events.push(record);
      }
    }
  }
  return events.sort((a, b) => a.time - b.time);
}
